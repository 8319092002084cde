// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUuid>

#include <atomic>
#include <memory>
#include <vector>

namespace rentdesk::bench {

class SyncDesktop;

// Change k of the poke measurement: the landlord sets this apartment's monthly price to
// `price`, a value no earlier change gave it, so that a replica showing it has applied change k.
struct PokeChange
{
    QUuid apartment;
    qint64 price = 0;
};

// What the threads of the poke measurement share: the schedule (fixed before they start),
// the change under way, and how many renters have applied it.
struct PokeSchedule
{
    std::vector<PokeChange> changes;
    std::atomic<int> current { -1 };
    std::atomic<int> applied { 0 };
};

// The clients of one thread in the poke measurement of rentdesk-bench --sync: renters, and
// landlords who look on (they may see none of the changes, so they must not be poked). Each is
// a SyncDesktop with a replica file in `folder`. For each renter it records when its replica
// first showed change k, after the pull that brought it, and when the poke came.
class PokeGroup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PokeGroup)

public:
    struct Person
    {
        QString email;
        bool renter = true;
    };
    PokeGroup(std::vector<Person> people, QString folder, PokeSchedule &schedule, QObject *parent = nullptr);
    ~PokeGroup() override;

    // Logs every client in and waits until each has pulled everything it may see; false with
    // problem() when one failed or it took longer than timeoutMs.
    bool setUp(const QUrl &url, const QString &password, int timeoutMs);
    [[nodiscard]] QString problem() const { return m_problem; }

    // Per change, per renter of this group: when the replica showed it and when the poke came
    // (nowNs(); 0: never).
    [[nodiscard]] const std::vector<std::vector<qint64>> &appliedAt() const { return m_applied; }
    [[nodiscard]] const std::vector<std::vector<qint64>> &pokedAt() const { return m_poked; }
    // Pokes received by the landlords looking on (none expected).
    [[nodiscard]] int bystanderPokes() const;

private:
    void pulled(size_t renter, SyncDesktop &desktop);

    std::vector<Person> m_people;
    QString m_folder;
    PokeSchedule &m_schedule;
    std::vector<std::unique_ptr<SyncDesktop>> m_desktops;
    std::vector<std::vector<qint64>> m_applied;
    std::vector<std::vector<qint64>> m_poked;
    QString m_problem;
};

} // namespace rentdesk::bench
