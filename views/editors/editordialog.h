// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace rentdesk::views {

class FormErrors;

// The frame the editors share: a form of labelled inputs with a line under each where a
// refusal appears, a line for refusals about no one input, and Save/Cancel. Save calls
// save(); when the service refuses, the dialog stays open with everything as typed and
// the reason next to the input concerned.
class EditorDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorDialog)

public:
    ~EditorDialog() override;

    // Saves through the service; closes only when it succeeded.
    void accept() override;

protected:
    explicit EditorDialog(QWidget *parent = nullptr);

    // The editor's one call to its service. On success the editor keeps what was saved.
    [[nodiscard]] virtual models::services::Result<void> save() = 0;

    // A row for input, whose refusals name one of fields; the label's mnemonic focuses it.
    void addField(const QString &label, QWidget *input, const QStringList &fields);
    // A row showing field (an input, or a widget holding several) with an error line under
    // it; focusTarget takes the label's mnemonic. The caller registers the inputs with
    // errors() against the returned line.
    QLabel *addRow(const QString &label, QWidget *focusTarget, QWidget *field, const QString &errorName);
    // A row that takes no input (what is being edited, a hint).
    void addInfoRow(const QString &label, QWidget *widget);

    [[nodiscard]] QFormLayout *form() const { return m_form; }
    [[nodiscard]] FormErrors *errors() const { return m_errors; }
    [[nodiscard]] QPushButton *saveButton() const;

private:
    QFormLayout *m_form = nullptr;
    QLabel *m_generalError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    FormErrors *m_errors = nullptr;
};

} // namespace rentdesk::views
