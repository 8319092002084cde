// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/apartments/apartmentfilterbar.h"

#include "models/domain/enums.h"
#include "views/widgets/localefollow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;

namespace {

const QStringList currencies { u"RUB"_s, u"GBP"_s, u"EUR"_s, u"USD"_s };

// "Any", "Yes", "No" as an optional bool (the texts: retranslateTriState()).
QComboBox *triState(QWidget *parent, const QString &objectName)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->addItem(QString());
    box->addItem(QString(), true);
    box->addItem(QString(), false);
    return box;
}

void retranslateTriState(QComboBox *box)
{
    box->setItemText(0, ApartmentFilterBar::tr("Any"));
    box->setItemText(1, ApartmentFilterBar::tr("Yes"));
    box->setItemText(2, ApartmentFilterBar::tr("No"));
}

std::optional<bool> triStateValue(const QComboBox *box)
{
    const QVariant value = box->currentData();
    return value.isValid() ? std::optional<bool>(value.toBool()) : std::nullopt;
}

QSpinBox *priceBox(QWidget *parent, const QString &objectName)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(0, 100'000'000);
    box->setSingleStep(1000);
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

ApartmentFilterBar::ApartmentFilterBar(const QString &settingsGroup, QWidget *parent)
    : QWidget(parent)
    , m_settingsGroup(u"filters/"_s + settingsGroup)
{
    setObjectName(u"apartmentFilterBar"_s);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT filterChanged(filter()); });

    m_text = new QLineEdit(this);
    m_text->setObjectName(u"searchEdit"_s);
    m_text->setClearButtonEnabled(true);
    // It grows into the room the row has; its minimum keeps the Russian window, chat open, within
    // a 1280 pixel screen (tst_accessibility).
    m_text->setMinimumWidth(m_text->fontMetrics().averageCharWidth() * 18);
    m_text->installEventFilter(this);
    // Only while this bar is shown: the Apartments and the Calendar pages each have one.
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_text->setFocus(Qt::ShortcutFocusReason);
        m_text->selectAll();
    });

    m_city = new QComboBox(this);
    m_city->setObjectName(u"cityCombo"_s);
    m_city->addItem(QString());
    // Long city names scroll in the list rather than widen the bar.
    m_city->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_city->setMinimumContentsLength(12);

    m_currency = new QComboBox(this);
    m_currency->setObjectName(u"currencyCombo"_s);
    m_currency->addItem(QString());
    for (const QString &code : currencies)
        m_currency->addItem(code, code);
    m_minPrice = priceBox(this, u"minPriceSpin"_s);
    m_maxPrice = priceBox(this, u"maxPriceSpin"_s);

    m_minRooms = new QSpinBox(this);
    m_minRooms->setObjectName(u"minRoomsSpin"_s);
    m_minRooms->setRange(0, 20);

    m_status = new QComboBox(this);
    m_status->setObjectName(u"statusCombo"_s);
    m_status->addItem(QString());
    for (const auto status : { models::domain::ApartmentStatus::Free, models::domain::ApartmentStatus::Booked,
                               models::domain::ApartmentStatus::Rented })
        m_status->addItem(QString(), models::domain::toCode(status));

    m_freeBetween = new QCheckBox(this);
    m_freeBetween->setObjectName(u"freeBetweenCheck"_s);
    m_freeFrom = new QDateEdit(QDate::currentDate(), this);
    m_freeFrom->setObjectName(u"freeFromEdit"_s);
    m_freeFrom->setCalendarPopup(true);
    m_freeTo = new QDateEdit(QDate::currentDate().addDays(7), this);
    m_freeTo->setObjectName(u"freeToEdit"_s);
    m_freeTo->setCalendarPopup(true);

    m_rating = new QComboBox(this);
    m_rating->setObjectName(u"ratingCombo"_s);
    m_rating->addItem(QString());
    for (const double stars : { 3.0, 4.0, 4.5 })
        m_rating->addItem(QString(), stars);

    m_furnished = triState(this, u"furnishedCombo"_s);
    m_pets = triState(this, u"petsCombo"_s);

    m_mine = new QCheckBox(this);
    m_mine->setObjectName(u"mineCheck"_s);
    m_mine->hide();

    m_clear = new QPushButton(this);
    m_clear->setObjectName(u"clearFiltersButton"_s);
    connect(m_clear, &QPushButton::clicked, this, &ApartmentFilterBar::clear);
    m_furnishedLabel = new QLabel(this);
    m_petsLabel = new QLabel(this);
    m_toLabel = new QLabel(this);
    retranslate();

    // Two rows: what most people set first, then prices, rooms and dates.
    auto *first = new QHBoxLayout;
    first->addWidget(m_text, 1);
    first->addWidget(m_city);
    first->addWidget(m_status);
    first->addWidget(m_rating);
    // The captions are the combo boxes' buddies: screen readers read them as their names.
    m_furnishedLabel->setBuddy(m_furnished);
    m_petsLabel->setBuddy(m_pets);
    first->addWidget(m_furnishedLabel);
    first->addWidget(m_furnished);
    first->addWidget(m_petsLabel);
    first->addWidget(m_pets);
    first->addWidget(m_clear);
    auto *second = new QHBoxLayout;
    second->addWidget(m_currency);
    second->addWidget(m_minPrice);
    second->addWidget(new QLabel(u"–"_s, this));
    second->addWidget(m_maxPrice);
    second->addWidget(m_minRooms);
    second->addWidget(m_freeBetween);
    second->addWidget(m_freeFrom);
    second->addWidget(m_toLabel);
    second->addWidget(m_freeTo);
    second->addWidget(m_mine);
    second->addStretch(1);
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(first);
    rows->addLayout(second);

    connect(m_text, &QLineEdit::textChanged, this, &ApartmentFilterBar::changed);
    for (QComboBox *box : { m_city, m_currency, m_status, m_rating, m_furnished, m_pets })
        connect(box, &QComboBox::currentIndexChanged, this, &ApartmentFilterBar::changed);
    for (QSpinBox *box : { m_minPrice, m_maxPrice, m_minRooms })
        connect(box, &QSpinBox::valueChanged, this, &ApartmentFilterBar::changed);
    for (QCheckBox *box : { m_freeBetween, m_mine })
        connect(box, &QCheckBox::toggled, this, &ApartmentFilterBar::changed);
    for (QDateEdit *edit : { m_freeFrom, m_freeTo })
        connect(edit, &QDateEdit::dateChanged, this, &ApartmentFilterBar::changed);
    connect(m_currency, &QComboBox::currentIndexChanged, this, [this] {
        const bool priced = m_currency->currentData().isValid();
        m_minPrice->setEnabled(priced);
        m_maxPrice->setEnabled(priced);
    });
    connect(m_freeBetween, &QCheckBox::toggled, m_freeFrom, &QWidget::setEnabled);
    connect(m_freeBetween, &QCheckBox::toggled, m_freeTo, &QWidget::setEnabled);
    m_minPrice->setEnabled(false);
    m_maxPrice->setEnabled(false);
    m_freeFrom->setEnabled(false);
    m_freeTo->setEnabled(false);
}

ApartmentFilterBar::~ApartmentFilterBar() = default;

void ApartmentFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ApartmentFilterBar::retranslate()
{
    m_text->setPlaceholderText(tr("Search address, city, description…"));
    m_text->setToolTip(tr("Every word must appear; the last one may be unfinished. Ctrl+F comes here; Down or "
                          "Return goes on to the results."));
    m_text->setAccessibleName(tr("Search"));
    m_city->setItemText(0, tr("All cities"));
    m_currency->setItemText(0, tr("Any currency"));
    m_currency->setToolTip(tr("Prices compare within one currency: choose it to set a price range."));
    m_currency->setAccessibleName(tr("Currency"));
    m_minPrice->setAccessibleName(tr("Minimum price"));
    m_maxPrice->setAccessibleName(tr("Maximum price"));
    m_minRooms->setAccessibleName(tr("Minimum rooms"));
    m_status->setAccessibleName(tr("Status"));
    m_rating->setAccessibleName(tr("Rating"));
    m_city->setAccessibleName(tr("City"));
    m_freeFrom->setAccessibleName(tr("Free from"));
    m_freeTo->setAccessibleName(tr("Free to"));
    // 0 means no bound.
    m_minPrice->setSpecialValueText(tr("min price"));
    m_maxPrice->setSpecialValueText(tr("max price"));
    m_minRooms->setSpecialValueText(tr("any rooms"));
    m_minRooms->setPrefix(tr("rooms ≥ "));
    m_status->setItemText(0, tr("Any status"));
    for (int i = 1; i < m_status->count(); ++i) {
        if (auto status = models::domain::fromCode<models::domain::ApartmentStatus>(m_status->itemData(i).toString()))
            m_status->setItemText(i, models::domain::displayName(*status));
    }
    m_freeBetween->setText(tr("Free from"));
    followLocale(m_freeFrom);
    followLocale(m_freeTo);
    m_rating->setItemText(0, tr("Any rating"));
    for (int i = 1; i < m_rating->count(); ++i)
        m_rating->setItemText(i, tr("%1★ and up").arg(QLocale().toString(m_rating->itemData(i).toDouble(), 'g', 2)));
    retranslateTriState(m_furnished);
    retranslateTriState(m_pets);
    m_mine->setText(tr("Only mine"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every apartment again."));
    m_furnishedLabel->setText(tr("Furnished"));
    m_petsLabel->setText(tr("Pets"));
    m_toLabel->setText(tr("to"));
}

bool ApartmentFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (m_debounce.isActive()) {
                m_debounce.stop();
                Q_EMIT filterChanged(filter());
            }
            Q_EMIT resultsRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ApartmentFilterBar::changed()
{
    if (!m_restoring)
        m_debounce.start();
}

void ApartmentFilterBar::setCities(const QStringList &cities)
{
    const QString chosen = m_city->currentData().toString();
    m_restoring = true;
    while (m_city->count() > 1)
        m_city->removeItem(1);
    for (const QString &city : cities)
        m_city->addItem(city, city);
    m_city->setCurrentIndex(std::max(0, m_city->findData(chosen)));
    m_restoring = false;
}

void ApartmentFilterBar::setOwner(const QUuid &landlord)
{
    m_owner = landlord;
    m_mine->setVisible(!landlord.isNull());
    if (landlord.isNull() && m_mine->isChecked())
        m_mine->setChecked(false);
}

models::query::ApartmentFilter ApartmentFilterBar::filter() const
{
    models::query::ApartmentFilter f;
    f.text = m_text->text();
    f.city = m_city->currentData().toString();
    f.currency = m_currency->currentData().toString();
    if (!f.currency.isEmpty()) {
        // The boxes hold whole roubles or pounds; the query takes minor units.
        if (m_minPrice->value() > 0)
            f.minPrice = qint64(m_minPrice->value()) * 100;
        if (m_maxPrice->value() > 0)
            f.maxPrice = qint64(m_maxPrice->value()) * 100;
    }
    if (m_minRooms->value() > 0)
        f.minRooms = m_minRooms->value();
    if (const QVariant status = m_status->currentData(); status.isValid()) {
        if (auto parsed = models::domain::fromCode<models::domain::ApartmentStatus>(status.toString()))
            f.status = *parsed;
    }
    if (m_freeBetween->isChecked()) {
        f.freeFrom = m_freeFrom->date();
        f.freeTo = m_freeTo->date();
    }
    if (const QVariant rating = m_rating->currentData(); rating.isValid())
        f.minRating = rating.toDouble();
    f.furnished = triStateValue(m_furnished);
    f.petsAllowed = triStateValue(m_pets);
    if (m_mine->isVisible() && m_mine->isChecked() && !m_owner.isNull())
        f.ownerId = m_owner;
    return f;
}

void ApartmentFilterBar::clear()
{
    m_restoring = true;
    m_text->clear();
    for (QComboBox *box : { m_city, m_currency, m_status, m_rating, m_furnished, m_pets })
        box->setCurrentIndex(0);
    for (QSpinBox *box : { m_minPrice, m_maxPrice, m_minRooms })
        box->setValue(0);
    m_freeBetween->setChecked(false);
    m_mine->setChecked(false);
    m_restoring = false;
    m_debounce.stop();
    Q_EMIT filterChanged(filter());
}

void ApartmentFilterBar::save(QSettings &settings) const
{
    settings.beginGroup(m_settingsGroup);
    settings.setValue(u"text"_s, m_text->text());
    settings.setValue(u"city"_s, m_city->currentData());
    settings.setValue(u"currency"_s, m_currency->currentData());
    settings.setValue(u"minPrice"_s, m_minPrice->value());
    settings.setValue(u"maxPrice"_s, m_maxPrice->value());
    settings.setValue(u"minRooms"_s, m_minRooms->value());
    settings.setValue(u"status"_s, m_status->currentData());
    settings.setValue(u"freeBetween"_s, m_freeBetween->isChecked());
    settings.setValue(u"freeFrom"_s, m_freeFrom->date());
    settings.setValue(u"freeTo"_s, m_freeTo->date());
    settings.setValue(u"rating"_s, m_rating->currentData());
    settings.setValue(u"furnished"_s, m_furnished->currentIndex());
    settings.setValue(u"pets"_s, m_pets->currentIndex());
    settings.setValue(u"mine"_s, m_mine->isChecked());
    settings.endGroup();
}

void ApartmentFilterBar::restore(const QSettings &settings)
{
    const auto value = [&](const QString &key) {
        return settings.value(m_settingsGroup + u'/' + key);
    };
    m_restoring = true;
    m_text->setText(value(u"text"_s).toString());
    // A city no longer listed is added, so that the filter shown is the filter applied.
    if (const QString city = value(u"city"_s).toString(); !city.isEmpty()) {
        if (m_city->findData(city) < 0)
            m_city->addItem(city, city);
        m_city->setCurrentIndex(m_city->findData(city));
    }
    m_currency->setCurrentIndex(std::max(0, m_currency->findData(value(u"currency"_s))));
    m_minPrice->setValue(value(u"minPrice"_s).toInt());
    m_maxPrice->setValue(value(u"maxPrice"_s).toInt());
    m_minRooms->setValue(value(u"minRooms"_s).toInt());
    m_status->setCurrentIndex(std::max(0, m_status->findData(value(u"status"_s))));
    m_freeBetween->setChecked(value(u"freeBetween"_s).toBool());
    if (const QDate from = value(u"freeFrom"_s).toDate(); from.isValid())
        m_freeFrom->setDate(from);
    if (const QDate to = value(u"freeTo"_s).toDate(); to.isValid())
        m_freeTo->setDate(to);
    m_rating->setCurrentIndex(std::max(0, m_rating->findData(value(u"rating"_s))));
    m_furnished->setCurrentIndex(std::clamp(value(u"furnished"_s).toInt(), 0, 2));
    m_pets->setCurrentIndex(std::clamp(value(u"pets"_s).toInt(), 0, 2));
    m_mine->setChecked(value(u"mine"_s).toBool());
    m_restoring = false;
}

} // namespace rentdesk::views
