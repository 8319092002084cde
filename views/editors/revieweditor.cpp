// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/editors/revieweditor.h"

#include "views/widgets/formerrors.h"
#include "views/widgets/starrating.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using models::domain::ReviewKind;

namespace {

QString titleFor(ReviewKind kind, bool editing)
{
    if (editing)
        return ReviewEditor::tr("Edit review");
    switch (kind) {
    case ReviewKind::Renter:
        return ReviewEditor::tr("Review the renter");
    case ReviewKind::Landlord:
        return ReviewEditor::tr("Review the landlord");
    case ReviewKind::Apartment:
        return ReviewEditor::tr("Review the apartment");
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace

ReviewEditor::ReviewEditor(const models::services::ReviewService &reviews, const QUuid &actor,
                           models::services::ReviewService::Target target, const QString &targetTitle, QWidget *parent)
    : EditorDialog(parent)
    , m_reviews(reviews)
    , m_actor(actor)
    , m_target(std::move(target))
{
    setWindowTitle(titleFor(m_target.kind, false));
    createInputs(targetTitle);
}

ReviewEditor::ReviewEditor(const models::services::ReviewService &reviews, const QUuid &actor,
                           models::domain::Review existing, const QString &targetTitle, QWidget *parent)
    : EditorDialog(parent)
    , m_reviews(reviews)
    , m_actor(actor)
    , m_existing(std::move(existing))
{
    m_target.kind = m_existing->kind;
    m_target.id = m_existing->targetUserId.value_or(m_existing->targetApartmentId.value_or(QUuid()));
    setWindowTitle(titleFor(m_target.kind, true));
    createInputs(targetTitle);
    setValues(m_existing->rating, m_existing->body);
}

void ReviewEditor::setValues(int rating, const QString &body)
{
    m_rating->setValue(rating);
    m_body->setPlainText(body);
    m_body->moveCursor(QTextCursor::End); // typing goes on from the end
}

ReviewEditor::~ReviewEditor() = default;

void ReviewEditor::createInputs(const QString &targetTitle)
{
    auto *target = new QLabel(targetTitle, this);
    target->setObjectName(u"targetLabel"_s);
    target->setTextFormat(Qt::PlainText);
    // Refusals about the target (no stay yet, already reviewed) have no input to fix: they
    // are shown under what is being reviewed.
    QLabel *targetError = addRow(tr("About:"), target, target, u"target"_s);
    errors()->addField(u"target"_s, target, targetError);
    errors()->addField(u"kind"_s, target, targetError);

    m_rating = new StarRatingWidget(this);
    m_rating->setObjectName(u"ratingStars"_s);
    addField(tr("&Rating:"), m_rating, { u"rating"_s });

    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"bodyEdit"_s);
    m_body->setTabChangesFocus(true);
    m_body->setPlaceholderText(tr("What was good, what could be better?"));
    m_length = new QLabel(this);
    m_length->setObjectName(u"lengthLabel"_s);
    m_length->setAlignment(Qt::AlignRight);
    auto *bodyColumn = new QWidget(this);
    auto *column = new QVBoxLayout(bodyColumn);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_body);
    column->addWidget(m_length);
    QLabel *bodyError = addRow(tr("Re&view:"), m_body, bodyColumn, u"body"_s);
    errors()->addField(u"body"_s, m_body, bodyError);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ReviewEditor::updateLength);
    updateLength();
    m_rating->setFocus();
}

void ReviewEditor::updateLength()
{
    m_length->setText(
        tr("%1 / %2").arg(m_body->toPlainText().size()).arg(models::services::ReviewService::MaximumLength));
}

models::services::Result<void> ReviewEditor::save()
{
    auto saved = m_existing ? m_reviews.edit(m_actor, m_existing->id, m_rating->value(), m_body->toPlainText())
                            : m_reviews.create(m_actor, m_target, m_rating->value(), m_body->toPlainText());
    if (!saved)
        return std::unexpected(saved.error());
    m_saved = *saved;
    return {};
}

} // namespace rentdesk::views
