// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/editors/editordialog.h"

#include "views/widgets/accessiblename.h"
#include "views/widgets/formerrors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

EditorDialog::EditorDialog(QWidget *parent)
    : QDialog(parent)
    , m_errors(new FormErrors(this))
{
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(m_form);

    m_generalError = new QLabel(this);
    m_generalError->setObjectName(u"generalError"_s);
    m_errors->setGeneralLabel(m_generalError);
    layout->addWidget(m_generalError);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(u"saveButton"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    layout->addWidget(m_buttons);
    // Wide enough that a refusal under an input reads as a sentence, not a column of words. Set
    // on the button row, which spans the dialog: a minimum set on the dialog itself would stop
    // it from growing for wider content (dates and sums filled in at a large font).
    m_buttons->setMinimumWidth(fontMetrics().averageCharWidth() * 60 - layout->contentsMargins().left()
                               - layout->contentsMargins().right());
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EditorDialog::reject);
}

EditorDialog::~EditorDialog() = default;

QPushButton *EditorDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

void EditorDialog::accept()
{
    m_errors->clear();
    const auto saved = save();
    if (!saved) {
        m_errors->show(saved.error());
        return;
    }
    QDialog::accept();
}

QLabel *EditorDialog::addRow(const QString &label, QWidget *focusTarget, QWidget *field, const QString &errorName)
{
    // The input and its error line share the field column, so that a hidden error line
    // takes no room (a form row of its own would keep its spacing).
    auto *cell = new QWidget(this);
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(field);
    auto *error = new QLabel(cell);
    error->setObjectName(errorName + u"Error"_s);
    FormErrors::prepareLabel(error);
    column->addWidget(error);

    auto *caption = new QLabel(label, this);
    caption->setBuddy(focusTarget);
    nameAfterCaption(focusTarget, caption); // not its sibling: the buddy alone names nothing
    m_form->addRow(caption, cell);
    return error;
}

void EditorDialog::addField(const QString &label, QWidget *input, const QStringList &fields)
{
    Q_ASSERT(!fields.isEmpty());
    QLabel *error = addRow(label, input, input, fields.constFirst());
    for (const QString &field : fields)
        m_errors->addField(field, input, error);
}

void EditorDialog::addInfoRow(const QString &label, QWidget *widget)
{
    m_form->addRow(label, widget);
}

} // namespace rentdesk::views
