// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/apartments/calendarfeeddialog.h"

#include "views/common/messages.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using net::connection::Failure;
using net::protocol::ErrorCode;

CalendarFeedDialog::CalendarFeedDialog(net::connection::ServerConnection &connection, const QUuid &apartment,
                                       const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_client(connection)
    , m_apartment(apartment)
{
    setObjectName(u"calendarFeedDialog"_s);
    setWindowTitle(tr("Calendar address"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<b>%1</b><br>Other booking sites subscribe to this address to see when the apartment "
                                "is taken: its confirmed stays and blocked dates, without names. Copy it into the "
                                "other site's calendar import. Anyone with the address sees those dates, so "
                                "renew it if it went where it should not.")
                                 .arg(title.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    m_address = new QLineEdit(this);
    m_address->setObjectName(u"feedUrlEdit"_s);
    m_address->setReadOnly(true);
    m_address->setMinimumWidth(420);
    m_address->setAccessibleName(tr("Calendar address"));
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(u"copyFeedButton"_s);
    connect(m_copy, &QPushButton::clicked, this, &CalendarFeedDialog::copy);
    row->addWidget(m_address, 1);
    row->addWidget(m_copy);
    layout->addLayout(row);

    m_status = new QLabel(this);
    m_status->setObjectName(u"feedStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_renew = buttons->addButton(tr("&Renew…"), QDialogButtonBox::ActionRole);
    m_renew->setObjectName(u"renewFeedButton"_s);
    m_renew->setToolTip(tr("A new address in place of this one, which then shows nothing"));
    connect(m_renew, &QPushButton::clicked, this, &CalendarFeedDialog::renew);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    ask(false);
}

CalendarFeedDialog::~CalendarFeedDialog() = default;

void CalendarFeedDialog::ask(bool renew)
{
    m_asking = true;
    m_url.clear();
    m_address->clear();
    m_copy->setEnabled(false);
    m_renew->setEnabled(false);
    m_status->setText(renew ? tr("Asking the server for a new address…") : tr("Asking the server for the address…"));
    const auto answer = [this](const net::calendar::FeedUrl &url) {
        showAnswer(url);
    };
    if (renew)
        m_client.renewFeedUrl(m_apartment, this, answer);
    else
        m_client.feedUrl(m_apartment, this, answer);
}

void CalendarFeedDialog::showAnswer(const net::calendar::FeedUrl &url)
{
    m_asking = false;
    if (url) {
        m_url = *url;
        m_address->setText(m_url.toString());
        m_address->selectAll();
        m_address->setFocus();
        m_copy->setEnabled(true);
        m_renew->setEnabled(true);
        m_status->setText(tr("The server publishes the calendar at this address."));
    } else {
        const Failure &failure = url.error();
        QString why;
        if (failure.kind != Failure::Kind::Refused)
            why = tr("The address comes from the server, and RentDesk is not connected to it now. Try again when "
                     "it is.");
        else if (failure.error.is(ErrorCode::FeedsOff))
            why = tr("This server does not publish calendars. Its operator can turn it on with --feed-listen.");
        else if (failure.error.is(ErrorCode::NotAllowed))
            why = tr("Only the apartment's owner has its calendar address.");
        else if (failure.error.is(ErrorCode::NotFound))
            why = tr("This apartment is not on the server (yet): wait for the sync, then try again.");
        else
            why = tr("The server did not give the address: %1").arg(failure.error.message);
        m_status->setText(why);
        // A connection that comes back, or a sync that brings the apartment, may help.
        m_renew->setEnabled(false);
    }
    Q_EMIT answered();
}

void CalendarFeedDialog::renew()
{
    if (!messages::confirm(this, tr("Renew the address"),
                           tr("Give the calendar a new address? Sites subscribed to the old one stop seeing when the "
                              "apartment is taken, until you give them the new one."),
                           tr("Renew")))
        return;
    ask(true);
}

void CalendarFeedDialog::copy()
{
    if (m_url.isEmpty())
        return;
    QApplication::clipboard()->setText(m_url.toString());
    m_status->setText(tr("Copied. Paste it into the other site's calendar import."));
}

} // namespace rentdesk::views
