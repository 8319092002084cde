// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/pagedtablemodel.h"

#include <QUuid>
#include <QWidget>

#include <functional>

class QLabel;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QVBoxLayout;

namespace rentdesk::views {

class MessageBar;

// One page of the main window: a filter bar, a sortable table over a paged item model,
// a detail pane for the selected row beside it (in a splitter), the number of matches,
// a sentence saying what to do when the table is empty, and a bar over the table with
// Retry when the database failed to give rows. The page of each entity supplies the filter
// bar, the model, the texts and the details; this class does the layout, the selection,
// the failure bar and what persists between runs (columns, sort, splitter).
class TablePage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablePage)

public:
    TablePage(const QString &name, models::itemmodels::PagedTableModel *model, QWidget *parent = nullptr);
    ~TablePage() override;

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    // Over the table while the model has failed to read (MessageBar::actionTriggered retries).
    [[nodiscard]] MessageBar *failureBar() const { return m_failureBar; }
    [[nodiscard]] models::itemmodels::PagedTableModel *model() const { return m_model; }
    // The id of the selected row, or null.
    [[nodiscard]] QUuid currentId() const;
    [[nodiscard]] int currentRow() const;

    // Counts and reads again, keeping the selected row selected when it is still shown, and
    // either scrolled to it (after the person's own change) or the view where it was (after a
    // sync brought others' changes: nothing moves under the reader).
    enum class Scroll { ToSelection, Keep };
    void refresh(Scroll scroll = Scroll::ToSelection);

    // The page's title (as its tab shows it): the name a screen reader gives its table and its
    // detail pane.
    void setTitle(const QString &title);

    // Puts the keyboard in the table (when it shows rows), its current row selected: where the
    // page's shortcut (Ctrl+1…) and the filter's Down or Return lead.
    void focusTable();

    // Column widths, sort order and splitter, under "pages/<name>/".
    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

Q_SIGNALS:
    void currentChanged(const QUuid &id);
    // A double click or Return on a row.
    void activated(const QUuid &id);
    void contextMenuRequested(const QPoint &globalPosition);

protected:
    // On a language change: the page's own texts (retranslate()), the model's headers and cells
    // in the new language and locale, the count, the empty state and the details.
    void changeEvent(QEvent *event) override;
    // The texts of what the page adds (its filter bar), set from its constructor and again on a
    // language change.
    virtual void retranslate() { }
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Put the page's filter bar above the table.
    void setFilterBar(QWidget *bar);
    // "12 apartments" for the count label.
    virtual QString countText(qint64 count) const = 0;
    // What an empty table says: nothing listed yet, or no matches for the filter.
    virtual QString emptyText() const = 0;
    // The HTML of the detail pane for the selected row (id null: nothing selected).
    virtual QString detailsHtml(const QUuid &id) const = 0;
    // Shows the details of the selected row again (after a write, and when the model is read
    // again).
    void updateDetails();
    // After the detail pane shows the row id (null: none): for what a page adds under it.
    virtual void detailsShown(const QUuid &id) { Q_UNUSED(id) }
    // Under the detail pane, above nothing else; the pane keeps the room left.
    void addDetailWidget(QWidget *widget);
    [[nodiscard]] QTextBrowser *detailPane() const { return m_details; }

private:
    void updateCount();
    void updateFailure();
    [[nodiscard]] bool showsFailure() const;
    void onCurrentChanged();
    // The context menu of the selected row, asked for with the keyboard (Menu, Shift+F10).
    void requestContextMenuAtCurrentRow();
    // Selects the current row (the first when none) if no row is selected.
    void selectCurrentRow();

    QString m_name;
    models::itemmodels::PagedTableModel *m_model;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_count = nullptr;
    MessageBar *m_failureBar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QSplitter *m_splitter = nullptr;
    QTextBrowser *m_details = nullptr;
    QVBoxLayout *m_detailLayout = nullptr;
    bool m_fitColumns = false;
};

} // namespace rentdesk::views
