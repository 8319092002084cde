// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/query/apartmentquery.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace rentdesk::views {

// The Apartments page's filters: text, city, price range in one currency, rooms, status,
// free between two dates, minimum rating, furnished, pets, and (for a landlord) only
// their own listings. Changes are gathered for a moment (debounced) and then announced
// once as a whole filter; the choices persist between runs.
class ApartmentFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApartmentFilterBar)

public:
    static constexpr int DebounceMs = 250;

    // settingsGroup: where save() keeps the choices, under "filters/" (one per page).
    explicit ApartmentFilterBar(const QString &settingsGroup, QWidget *parent = nullptr);
    ~ApartmentFilterBar() override;

    // The cities to choose from (keeps the chosen one if still there).
    void setCities(const QStringList &cities);
    // Shows "Only mine" for a landlord, with their id; a null id hides it.
    void setOwner(const QUuid &landlord);

    [[nodiscard]] models::query::ApartmentFilter filter() const;

    void save(QSettings &settings) const;
    void restore(const QSettings &settings);

public Q_SLOTS:
    void clear();

Q_SIGNALS:
    // The filter changed and the user paused typing.
    void filterChanged(const rentdesk::models::query::ApartmentFilter &filter);
    // Down or Return in the search field: the keyboard goes on to the results (the filter
    // typed so far is announced first).
    void resultsRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void changed();
    void retranslate();

    QString m_settingsGroup;
    QTimer m_debounce;
    QUuid m_owner;
    QLineEdit *m_text = nullptr;
    QComboBox *m_city = nullptr;
    QComboBox *m_currency = nullptr;
    QSpinBox *m_minPrice = nullptr;
    QSpinBox *m_maxPrice = nullptr;
    QSpinBox *m_minRooms = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_freeBetween = nullptr;
    QDateEdit *m_freeFrom = nullptr;
    QDateEdit *m_freeTo = nullptr;
    QComboBox *m_rating = nullptr;
    QComboBox *m_furnished = nullptr;
    QComboBox *m_pets = nullptr;
    QCheckBox *m_mine = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_furnishedLabel = nullptr;
    QLabel *m_petsLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    bool m_restoring = false;
};

} // namespace rentdesk::views
