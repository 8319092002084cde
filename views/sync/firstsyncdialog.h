// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;

namespace rentdesk::net::sync {
class SyncClient;
}

namespace rentdesk::views {

// The first sync of a new replica (or one that stopped before its end): the rows fetched, the
// share done by the server's count of what remains (a busy bar until its first count), and
// Cancel, which is always safe: the replica applies what arrives in whole transactions. It
// accepts when the pull reaches the end of the feed (100 %). A lost connection is said, and
// the dialog waits: the sync goes on from the last page kept once the server answers again.
// Cancel closes it and leaves the replica as far as it got; opening it again later goes on
// from there.
class FirstSyncDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstSyncDialog)

public:
    // `server`: as shown to the person; `rowsBefore`: what the replica already holds.
    FirstSyncDialog(net::sync::SyncClient &sync, const QString &server, qint64 rowsBefore, QWidget *parent = nullptr);
    ~FirstSyncDialog() override;

    [[nodiscard]] int percent() const;
    [[nodiscard]] qint64 rows() const { return m_rows; }

Q_SIGNALS:
    // The share changed (for tests and the log).
    void percentChanged(int percent);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onProgress(qint64 rows, qint64 remaining);
    void setPercent(int percent);
    void updateText();

    net::sync::SyncClient &m_sync;
    QString m_server;
    qint64 m_rowsBefore = 0;
    qint64 m_rows = 0;
    qint64 m_cycleRows = 0; // the running cycle's, as it last said
    QLabel *m_text = nullptr;
    QLabel *m_note = nullptr;
    QProgressBar *m_bar = nullptr;
};

} // namespace rentdesk::views
