// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/widgets/formerrors.h"

#include "views/widgets/starrating.h"

#include <QAbstractButton>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTextEdit>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

constexpr const char *InvalidProperty = "invalid";

void showLabel(QLabel *label, const QString &message)
{
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

} // namespace

FormErrors::FormErrors(QObject *parent)
    : QObject(parent)
{
}

FormErrors::~FormErrors() = default;

QColor FormErrors::errorColor(const QPalette &palette)
{
    // Both reach 4.5:1 against their kind of background.
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xFF, 0x8A, 0x80) : QColor(0xB7, 0x1C, 0x1C);
}

void FormErrors::prepareLabel(QLabel *label)
{
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, errorColor(palette));
    label->setPalette(palette);
    label->clear();
    label->hide();
}

void FormErrors::setGeneralLabel(QLabel *label)
{
    m_general = label;
    prepareLabel(label);
}

void FormErrors::addField(const QString &field, QWidget *input, QLabel *errorLabel)
{
    Q_ASSERT(input && errorLabel);
    for (Entry &entry : m_entries) {
        if (entry.input == input) {
            entry.fields.append(field);
            return;
        }
    }
    m_entries.append({ { field }, input, errorLabel, false, QString(), QString() });
    prepareLabel(errorLabel);
    watchEdits(input);
}

void FormErrors::watchEdits(QWidget *input)
{
    // Each kind of input says "the user changed me" with its own signal.
    const auto cleared = [this, input] {
        clearInput(input);
    };
    if (auto *edit = qobject_cast<QLineEdit *>(input)) {
        connect(edit, &QLineEdit::textEdited, this, cleared);
    } else if (auto *spin = qobject_cast<QSpinBox *>(input)) {
        connect(spin, &QSpinBox::valueChanged, this, cleared);
    } else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(input)) {
        connect(doubleSpin, &QDoubleSpinBox::valueChanged, this, cleared);
    } else if (auto *dateTime = qobject_cast<QDateTimeEdit *>(input)) {
        connect(dateTime, &QDateTimeEdit::dateTimeChanged, this, cleared);
    } else if (auto *combo = qobject_cast<QComboBox *>(input)) {
        connect(combo, &QComboBox::currentIndexChanged, this, cleared);
        connect(combo, &QComboBox::editTextChanged, this, cleared);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(input)) {
        connect(plain, &QPlainTextEdit::textChanged, this, cleared);
    } else if (auto *rich = qobject_cast<QTextEdit *>(input)) {
        connect(rich, &QTextEdit::textChanged, this, cleared);
    } else if (auto *button = qobject_cast<QAbstractButton *>(input)) {
        connect(button, &QAbstractButton::toggled, this, cleared);
    } else if (auto *calendar = qobject_cast<QCalendarWidget *>(input)) {
        connect(calendar, &QCalendarWidget::clicked, this, cleared);
        connect(calendar, &QCalendarWidget::activated, this, cleared);
    } else if (auto *stars = qobject_cast<StarRatingWidget *>(input)) {
        connect(stars, &StarRatingWidget::valueChanged, this, cleared);
    }
    // Anything else (a label naming the target, say) is not edited: its error stays until
    // the next show() or clear().
}

void FormErrors::clearInput(const QWidget *input)
{
    for (Entry &entry : m_entries) {
        if (entry.input == input)
            clearEntry(entry);
    }
}

void FormErrors::clearEntry(Entry &entry)
{
    showLabel(entry.label, QString());
    QWidget *input = entry.input.data();
    if (!entry.marked || !input)
        return;
    entry.marked = false;
    input->setProperty(InvalidProperty, false);
    input->setStyleSheet(entry.savedStyleSheet);
    input->setAccessibleDescription(entry.savedDescription);
}

void FormErrors::mark(Entry &entry, const QString &message)
{
    showLabel(entry.label, message);
    QWidget *input = entry.input.data();
    if (!input)
        return;
    if (!entry.marked) {
        entry.savedStyleSheet = input->styleSheet();
        entry.savedDescription = input->accessibleDescription();
        entry.marked = true;
    }
    input->setProperty(InvalidProperty, true);
    // Keyed by the property, so the rule frames the input itself and not its children; a
    // calendar is framed by its day grid, since the calendar itself draws no frame.
    const QString color = errorColor(input->palette()).name();
    input->setStyleSheet(entry.savedStyleSheet
                         + u"\n*[invalid=\"true\"], *[invalid=\"true\"] > QAbstractItemView "
                           "{ border: 2px solid %1; border-radius: 3px; }"_s.arg(color));
    // A screen reader reads the reason with the input.
    input->setAccessibleDescription(message);
    if (input->isEnabled() && input->focusPolicy() != Qt::NoFocus)
        input->setFocus(Qt::OtherFocusReason);
}

void FormErrors::show(const models::services::DomainError &error)
{
    clear();
    for (Entry &entry : m_entries) {
        if (!error.field.isEmpty() && entry.fields.contains(error.field) && entry.input) {
            mark(entry, error.message);
            return;
        }
    }
    if (m_general)
        showLabel(m_general, error.message);
    else
        qWarning("FormErrors: no general label for a message about \"%s\"", qUtf8Printable(error.field));
}

void FormErrors::clear()
{
    for (Entry &entry : m_entries)
        clearEntry(entry);
    showLabel(m_general, QString());
}

const FormErrors::Entry *FormErrors::entryFor(const QString &field) const
{
    for (const Entry &entry : m_entries) {
        if (entry.fields.contains(field))
            return &entry;
    }
    return nullptr;
}

QString FormErrors::messageFor(const QString &field) const
{
    if (field.isEmpty())
        return m_general ? m_general->text() : QString();
    const Entry *entry = entryFor(field);
    return entry && entry->label ? entry->label->text() : QString();
}

bool FormErrors::isShowing() const
{
    if (m_general && !m_general->text().isEmpty())
        return true;
    for (const Entry &entry : m_entries) {
        if (entry.label && !entry.label->text().isEmpty())
            return true;
    }
    return false;
}

} // namespace rentdesk::views
