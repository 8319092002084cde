// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/reviewservice.h"
#include "views/editors/editordialog.h"

#include <optional>

class QLabel;
class QPlainTextEdit;

namespace rentdesk::views {

class StarRatingWidget;

// Writes a review of a person or an apartment, or edits one's own: one to five stars and
// a text, saved through the ReviewService.
class ReviewEditor final : public EditorDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewEditor)

public:
    // A new review of target; targetTitle names it for the reader ("Lena Landlord").
    ReviewEditor(const models::services::ReviewService &reviews, const QUuid &actor,
                 models::services::ReviewService::Target target, const QString &targetTitle, QWidget *parent = nullptr);
    // Editing the actor's existing review.
    ReviewEditor(const models::services::ReviewService &reviews, const QUuid &actor, models::domain::Review existing,
                 const QString &targetTitle, QWidget *parent = nullptr);
    ~ReviewEditor() override;

    // Shows these stars and text instead (a review the server refused, to edit and send again).
    void setValues(int rating, const QString &body);

    // The review as saved, once the dialog was accepted.
    [[nodiscard]] const models::domain::Review &review() const { return m_saved; }

protected:
    [[nodiscard]] models::services::Result<void> save() override;

private:
    void createInputs(const QString &targetTitle);
    void updateLength();

    const models::services::ReviewService &m_reviews;
    QUuid m_actor;
    models::services::ReviewService::Target m_target;
    std::optional<models::domain::Review> m_existing;
    models::domain::Review m_saved;

    StarRatingWidget *m_rating = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_length = nullptr;
};

} // namespace rentdesk::views
