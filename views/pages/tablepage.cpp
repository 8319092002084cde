// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/tablepage.h"

#include "models/itemmodels/itemroles.h"
#include "views/widgets/accessiblename.h"
#include "views/widgets/messagebar.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

TablePage::TablePage(const QString &name, models::itemmodels::PagedTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_name(name)
    , m_model(model)
{
    setObjectName(name + u"Page"_s);
    model->setParent(this);

    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(6, 6, 6, 6);

    m_table = new QTableView(this);
    m_table->setObjectName(name + u"Table"_s);
    m_table->setModel(model);
    // The indicator first: enabling sorting sorts by whatever the header shows.
    m_table->horizontalHeader()->setSortIndicator(model->sortColumn(), model->sortOrder());
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Rows are chosen, not cells: Tab goes on to the detail pane instead of along the row.
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // Rows of one height: the view then never asks every row for its size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Fitting columns to their contents looks at the first page only, never at every row.
    m_table->horizontalHeader()->setResizeContentsPrecision(models::itemmodels::PagedTableModel::PageSize);

    m_empty = new QLabel(this);
    m_empty->setObjectName(name + u"EmptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    m_failureBar = new MessageBar(tr("Retry"), this);
    m_failureBar->setObjectName(name + u"FailureBar"_s);
    // Over the table only, so that the detail pane beside it does not move.
    auto *tableSide = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableSide);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(4);
    tableLayout->addWidget(m_failureBar);
    tableLayout->addWidget(m_stack, 1);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(name + u"Details"_s);
    m_details->setOpenLinks(false);
    m_details->setMinimumWidth(220);
    // The details, with what a page adds under them (the apartments' photos).
    auto *detailSide = new QWidget(this);
    m_detailLayout = new QVBoxLayout(detailSide);
    m_detailLayout->setContentsMargins(0, 0, 0, 0);
    m_detailLayout->setSpacing(0);
    m_detailLayout->addWidget(m_details, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(name + u"Splitter"_s);
    m_splitter->addWidget(tableSide);
    m_splitter->addWidget(detailSide);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_count = new QLabel(this);
    m_count->setObjectName(name + u"Count"_s);

    auto *top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(m_count);
    m_layout->addLayout(top);
    m_layout->addWidget(m_splitter, 1);

    connect(model, &models::itemmodels::PagedTableModel::modelReset, this, &TablePage::updateCount);
    // The bar follows the model's state, not the signal's payload: a failure reported just
    // before a reload that worked must not show once the reload is over.
    connect(model, &models::itemmodels::PagedTableModel::modelReset, this, &TablePage::updateFailure);
    connect(model, &models::itemmodels::PagedTableModel::failed, this, &TablePage::updateFailure);
    connect(m_failureBar, &MessageBar::actionTriggered, this, [this] { refresh(); });
    // The selection, not the current index, says which row the actions apply to: a click
    // moves the current index before it selects the row.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TablePage::onCurrentChanged);
    connect(model, &models::itemmodels::PagedTableModel::modelReset, this, &TablePage::onCurrentChanged);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT activated(m_model->data(index, models::itemmodels::IdRole).toUuid());
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const QModelIndex index = m_table->indexAt(position);
        if (index.isValid())
            m_table->selectionModel()->setCurrentIndex(index,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        Q_EMIT contextMenuRequested(m_table->viewport()->mapToGlobal(position));
    });
    m_table->installEventFilter(this);
}

bool TablePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_table)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::FocusIn: {
        // Reached with Tab or a shortcut, the table selects the row it shows as current, so that
        // the actions on "the selected row" apply to what the keyboard is on.
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason || reason == Qt::ShortcutFocusReason)
            selectCurrentRow();
        break;
    }
    case QEvent::KeyPress: {
        // Shift+F10 opens the row's menu as the Menu key does (which the platform turns into
        // a context menu event, below).
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier) {
            requestContextMenuAtCurrentRow();
            return true;
        }
        break;
    }
    case QEvent::ContextMenu:
        // From the keyboard, the menu belongs to the selected row, not to the row under the
        // mouse pointer, wherever that is.
        if (static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard) {
            requestContextMenuAtCurrentRow();
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void TablePage::requestContextMenuAtCurrentRow()
{
    selectCurrentRow();
    const QModelIndex current = m_table->currentIndex();
    const QRect cell = current.isValid() ? m_table->visualRect(current) : QRect();
    const QPoint position = cell.isValid() ? cell.bottomLeft() : QPoint(0, 0);
    Q_EMIT contextMenuRequested(m_table->viewport()->mapToGlobal(position));
}

void TablePage::selectCurrentRow()
{
    if (m_table->selectionModel()->hasSelection() || m_model->rowCount() == 0)
        return;
    QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        current = m_model->index(0, 0);
    m_table->selectionModel()->setCurrentIndex(current,
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TablePage::setTitle(const QString &title)
{
    const QString plain = withoutMnemonic(title);
    m_table->setAccessibleName(plain);
    m_details->setAccessibleName(tr("%1: details").arg(plain));
}

void TablePage::focusTable()
{
    if (m_stack->currentWidget() != m_table)
        return;
    m_table->setFocus(Qt::ShortcutFocusReason);
    selectCurrentRow(); // also when the table had the focus already
}

TablePage::~TablePage() = default;

void TablePage::setFilterBar(QWidget *bar)
{
    auto *top = static_cast<QHBoxLayout *>(m_layout->itemAt(0)->layout());
    top->insertWidget(0, bar, 1);
}

QUuid TablePage::currentId() const
{
    const int row = currentRow();
    return row < 0 ? QUuid() : m_model->idAt(row);
}

int TablePage::currentRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void TablePage::refresh(Scroll scroll)
{
    const QUuid selected = currentId();
    const int column = std::max(0, m_table->currentIndex().column());
    const int top = m_table->verticalScrollBar()->value();
    const int left = m_table->horizontalScrollBar()->value();
    const int firstShown = std::max(0, m_table->rowAt(0));
    m_model->reload();
    if (scroll == Scroll::Keep) {
        // The rows in view are read first, so that the selection is found among them.
        (void)m_model->idAt(std::min(firstShown, std::max(0, m_model->rowCount() - 1)));
        m_table->doItemsLayout();
        m_table->verticalScrollBar()->setValue(top);
        m_table->horizontalScrollBar()->setValue(left);
    }
    if (selected.isNull())
        return;
    // The row is found again if its page is among the first ones read back (or in view).
    int row = m_model->loadedRowOf(selected);
    for (int page = 0;
         row < 0 && page < 3 && page * models::itemmodels::PagedTableModel::PageSize < m_model->rowCount(); ++page) {
        (void)m_model->idAt(page * models::itemmodels::PagedTableModel::PageSize);
        row = m_model->loadedRowOf(selected);
    }
    if (row >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, column),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (scroll == Scroll::ToSelection)
            m_table->scrollTo(m_model->index(row, column));
    }
    if (scroll == Scroll::Keep) {
        // Making the row current scrolls to it: the view goes back where the reader had it.
        m_table->verticalScrollBar()->setValue(top);
        m_table->horizontalScrollBar()->setValue(left);
    }
}

void TablePage::saveState(QSettings &settings) const
{
    settings.setValue(u"pages/%1/header"_s.arg(m_name), m_table->horizontalHeader()->saveState());
    settings.setValue(u"pages/%1/splitter"_s.arg(m_name), m_splitter->saveState());
}

void TablePage::restoreState(const QSettings &settings)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (header->restoreState(settings.value(u"pages/%1/header"_s.arg(m_name)).toByteArray()))
        m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    else
        m_fitColumns = true; // once there are rows to fit them to
    m_splitter->restoreState(settings.value(u"pages/%1/splitter"_s.arg(m_name)).toByteArray());
}

void TablePage::addDetailWidget(QWidget *widget)
{
    m_detailLayout->addWidget(widget);
}

void TablePage::updateDetails()
{
    const QUuid id = currentId();
    m_details->setHtml(detailsHtml(id));
    detailsShown(id);
}

void TablePage::updateCount()
{
    const qint64 total = m_model->totalCount();
    // A count that failed is no count: the bar says why, and "0 apartments" would be wrong.
    m_count->setText(showsFailure() && total == 0 ? QString() : countText(total));
    if (total == 0 && !showsFailure()) {
        m_empty->setText(emptyText());
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
        if (m_fitColumns) {
            m_fitColumns = false;
            m_table->resizeColumnsToContents();
        }
    }
}

bool TablePage::showsFailure() const
{
    // Only the database's failures: another refusal (a filter the query does not take, a
    // page of bookings with nobody signed in) comes back the same however often one retries,
    // and the page's empty state says it in its own words.
    const auto &error = m_model->lastError();
    return error && error->code == models::services::DomainError::Code::Storage;
}

void TablePage::updateFailure()
{
    if (showsFailure())
        m_failureBar->showMessage(m_model->lastError()->message);
    else
        m_failureBar->hide();
}

void TablePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_failureBar->actionButton()->setText(tr("Retry"));
        retranslate();
        m_model->retranslate();
        updateCount();
        updateDetails();
    }
    QWidget::changeEvent(event);
}

void TablePage::onCurrentChanged()
{
    const QUuid id = currentId();
    updateDetails();
    Q_EMIT currentChanged(id);
}

} // namespace rentdesk::views
