// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/itemroles.h"

#include <QStyledItemDelegate>

#include <optional>

namespace rentdesk::views {

// Draws one cell of RentDesk's tables by what it holds (models::itemmodels::CellKindRole, with the
// typed value in ValueRole): a status as a coloured badge, a rating as stars with its
// average and count, money and dates in the user's locale, a flag as a check mark. Cells
// without a kind, text and numbers are drawn as QStyledItemDelegate draws them. Selection
// and focus are drawn by the style, as for any other cell.
class CellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CellDelegate)

public:
    explicit CellDelegate(QObject *parent = nullptr);
    ~CellDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The text of a rating: "4.3 (12)", or "not rated" for no reviews.
    [[nodiscard]] static QString ratingText(double average, qint64 count);
    // What a cell says in words, in the user's locale: the text drawn for money and dates,
    // the name of a status, "4.3 (12)" for a rating. For copying, tooltips and tests.
    [[nodiscard]] static QString cellText(const QModelIndex &index);

protected:
    // Money, dates, times, review kinds and numbers become their locale's text here, so
    // the style draws them with the usual elision, alignment and selection colours.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    [[nodiscard]] static std::optional<models::itemmodels::CellKind> kindOf(const QModelIndex &index);
    // Draws the cell's background, selection and focus without its text.
    static void paintFrame(QPainter *painter, QStyleOptionViewItem &option);
    void paintContent(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The "waiting to sync" mark of a row whose change the server has not applied yet.
    static void paintWaitingMark(QPainter *painter, const QStyleOptionViewItem &option);
    // The area inside the cell's margins where the custom content goes.
    [[nodiscard]] static QRect contentRect(const QStyleOptionViewItem &option);
    void paintRating(QPainter *painter, const QStyleOptionViewItem &option, const QVariant &value) const;
    void paintCheck(QPainter *painter, const QStyleOptionViewItem &option) const;
};

} // namespace rentdesk::views
