// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editors/editordialog.h"
#include "services/reviewservice.h"

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
    ReviewEditor(const services::ReviewService &reviews, const QUuid &actor, services::ReviewService::Target target,
                 const QString &targetTitle, QWidget *parent = nullptr);
    // Editing the actor's existing review.
    ReviewEditor(const services::ReviewService &reviews, const QUuid &actor, domain::Review existing,
                 const QString &targetTitle, QWidget *parent = nullptr);
    ~ReviewEditor() override;

    // The review as saved, once the dialog was accepted.
    [[nodiscard]] const domain::Review &review() const { return m_saved; }

protected:
    [[nodiscard]] services::Result<void> save() override;

private:
    void createInputs(const QString &targetTitle);
    void updateLength();

    const services::ReviewService &m_reviews;
    QUuid m_actor;
    services::ReviewService::Target m_target;
    std::optional<domain::Review> m_existing;
    domain::Review m_saved;

    StarRatingWidget *m_rating = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_length = nullptr;
};

} // namespace rentdesk::views
