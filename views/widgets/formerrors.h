// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QLabel;
class QPalette;

namespace rentdesk::views {

// Puts a service's refusal next to the input it is about. A form registers each input with
// the service's name for its field and the label under it; show() writes the message into
// that label, marks the input (property "invalid" and a red frame) and moves the focus to
// it. Editing the input clears its mark and message. It never changes what was typed.
class FormErrors final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormErrors)

public:
    explicit FormErrors(QObject *parent = nullptr);
    ~FormErrors() override;

    // Where a message goes that names no registered field (or no field at all).
    void setGeneralLabel(QLabel *label);
    // field is DomainError::field as the service writes it ("name", "floors"); several
    // fields may share one input and label. The label is styled and hidden until needed.
    void addField(const QString &field, QWidget *input, QLabel *errorLabel);

    // Replaces whatever was shown with error.
    void show(const models::services::DomainError &error);
    void clear();

    // The message shown next to field's input, or in the general label for an empty field.
    [[nodiscard]] QString messageFor(const QString &field) const;
    [[nodiscard]] bool isShowing() const;

    // Red that reads on the palette's window colour (lighter on a dark theme).
    [[nodiscard]] static QColor errorColor(const QPalette &palette);
    // Styles a label for error text: wrapped plain text in errorColor(), hidden while empty.
    static void prepareLabel(QLabel *label);

private:
    struct Entry
    {
        QStringList fields;
        QPointer<QWidget> input;
        QPointer<QLabel> label;
        bool marked = false;
        QString savedStyleSheet;
        QString savedDescription;
    };

    void watchEdits(QWidget *input);
    void clearInput(const QWidget *input);
    void clearEntry(Entry &entry);
    void mark(Entry &entry, const QString &message);
    [[nodiscard]] const Entry *entryFor(const QString &field) const;

    QList<Entry> m_entries;
    QPointer<QLabel> m_general;
};

} // namespace rentdesk::views
