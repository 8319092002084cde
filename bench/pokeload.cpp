// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/pokeload.h"

#include "bench/benchsupport.h"
#include "bench/syncdesktop.h"
#include "models/services/listingservice.h"

#include <algorithm>

namespace rentdesk::bench {

using namespace Qt::StringLiterals;
using net::sync::SyncClient;

PokeGroup::PokeGroup(std::vector<Person> people, QString folder, PokeSchedule &schedule, QObject *parent)
    : QObject(parent)
    , m_people(std::move(people))
    , m_folder(std::move(folder))
    , m_schedule(schedule)
{
    const auto renters =
        size_t(std::count_if(m_people.cbegin(), m_people.cend(), [](const Person &p) { return p.renter; }));
    m_applied.assign(m_schedule.changes.size(), std::vector<qint64>(renters, 0));
    m_poked = m_applied;
}

// The desktops go on this thread, where their sockets and database connections live.
PokeGroup::~PokeGroup() = default;

bool PokeGroup::setUp(const QUrl &url, const QString &password, int timeoutMs)
{
    for (const Person &person : std::as_const(m_people)) {
        m_desktops.push_back(std::make_unique<SyncDesktop>(m_folder + u'/' + person.email + u".sqlite"_s));
        m_desktops.back()->start(url, person.email, password);
    }
    const auto settled = [this] {
        return std::all_of(m_desktops.cbegin(), m_desktops.cend(),
                           [](const auto &d) { return d->isSynced() || !d->problem().isEmpty(); });
    };
    const bool inTime = waitFor(settled, timeoutMs);
    for (const auto &desktop : m_desktops) {
        if (!desktop->problem().isEmpty()) {
            m_problem = desktop->problem();
            return false;
        }
    }
    if (!inTime) {
        const auto synced =
            std::count_if(m_desktops.cbegin(), m_desktops.cend(), [](const auto &d) { return d->isSynced(); });
        m_problem = u"%1 of %2 clients synced in time"_s.arg(synced).arg(m_desktops.size());
        return false;
    }
    size_t renter = 0;
    for (size_t i = 0; i < m_desktops.size(); ++i) {
        if (!m_people[i].renter)
            continue;
        SyncDesktop *desktop = m_desktops[i].get();
        connect(&desktop->sync(), &SyncClient::pulled, this, [this, index = renter++, desktop](int, qint64, bool end) {
            if (end)
                pulled(index, *desktop);
        });
    }
    return true;
}

int PokeGroup::bystanderPokes() const
{
    int pokes = 0;
    for (size_t i = 0; i < m_desktops.size(); ++i)
        pokes += m_people[i].renter ? 0 : m_desktops[i]->pokes();
    return pokes;
}

void PokeGroup::pulled(size_t renter, SyncDesktop &desktop)
{
    const qint64 at = nowNs();
    const int k = m_schedule.current.load();
    if (k < 0 || m_applied[size_t(k)][renter] != 0)
        return;
    // Shown in the replica, as the app would read it.
    const PokeChange &change = m_schedule.changes[size_t(k)];
    const auto apartment = models::services::ListingService(desktop.replica().context()).apartment(change.apartment);
    if (!apartment || apartment->monthlyPrice.minor != change.price)
        return;
    m_applied[size_t(k)][renter] = at;
    m_poked[size_t(k)][renter] = desktop.lastPokeNs();
    m_schedule.applied.fetch_add(1);
}

} // namespace rentdesk::bench
