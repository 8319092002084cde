// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/chat/chatpanel.h"

#include "models/itemmodels/retranslate.h"
#include "views/chat/chatmodels.h"
#include "views/widgets/formerrors.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QVBoxLayout>

namespace rentdesk::views {

using namespace Qt::StringLiterals;
using net::chat::ChatClient;
using net::connection::ServerConnection;
using State = MessageListModel::State;

namespace {

// A message as a bubble: the user's own on the right in the highlight's tint, the other
// person's on the left in the window's base; under the text its time and, for one's own,
// its state.
class BubbleDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int Margin = 6;
    static constexpr int Padding = 8;

    static QString footer(const QModelIndex &index)
    {
        const QDateTime time = index.data(MessageListModel::TimeRole).toDateTime();
        QString text = time.isValid() ? QLocale().toString(time, QLocale::ShortFormat) : QString();
        const QString state = index.data(MessageListModel::StateTextRole).toString();
        if (!state.isEmpty())
            text = text.isEmpty() ? state : text + u" · "_s + state;
        return text;
    }

    static int bubbleWidth(const QStyleOptionViewItem &option)
    {
        return std::max(120, int(option.rect.width() * 0.75));
    }

    static void layoutText(QTextDocument &document, const QStyleOptionViewItem &option, const QString &text)
    {
        document.setDefaultFont(option.font);
        document.setPlainText(text);
        document.setDocumentMargin(0);
        document.setTextWidth(bubbleWidth(option) - 2 * Padding);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QTextDocument document;
        layoutText(document, option, index.data(MessageListModel::TextRole).toString());
        const int footerHeight = option.fontMetrics.height();
        return { option.rect.width(), int(document.size().height()) + footerHeight + 2 * Padding + 2 * Margin };
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QTextDocument document;
        layoutText(document, option, index.data(MessageListModel::TextRole).toString());
        const bool own = index.data(MessageListModel::OwnRole).toBool();
        const QString under = footer(index);
        const int textWidth = std::max(int(document.idealWidth()), option.fontMetrics.horizontalAdvance(under));
        const int width = std::min(bubbleWidth(option), textWidth + 2 * Padding + 1);
        const int height = option.rect.height() - 2 * Margin;
        const int left = own ? option.rect.right() - Margin - width : option.rect.left() + Margin;
        const QRect bubble(left, option.rect.top() + Margin, width, height);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QPalette &palette = option.palette;
        QColor fill = own ? palette.color(QPalette::Highlight) : palette.color(QPalette::AlternateBase);
        if (own)
            fill.setAlpha(60);
        QPainterPath path;
        path.addRoundedRect(bubble, 10, 10);
        painter->fillPath(path, fill);
        painter->setPen(palette.color(QPalette::Mid));
        painter->drawPath(path);

        painter->translate(bubble.topLeft() + QPoint(Padding, Padding));
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette.setColor(QPalette::Text, palette.color(QPalette::Text));
        document.documentLayout()->draw(painter, context);
        painter->restore();

        painter->save();
        const bool waiting = index.data(MessageListModel::StateRole).toInt() == int(State::Queued);
        painter->setPen(waiting ? palette.color(QPalette::PlaceholderText) : palette.color(QPalette::Text));
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter->setFont(small);
        const QRect footerRect(bubble.left() + Padding, bubble.bottom() - Padding - option.fontMetrics.height(),
                               bubble.width() - 2 * Padding, option.fontMetrics.height());
        painter->drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter, under);
        painter->restore();
    }
};

} // namespace

ChatPanel::ChatPanel(ChatClient &client, QWidget *parent)
    : QDockWidget(parent)
    , m_client(client)
    , m_conversations(new ConversationListModel(this))
    , m_messages(new MessageListModel(this))
{
    setObjectName(u"chatPanel"_s);
    auto *body = new QWidget(this);

    m_state = new QLabel(body);
    m_state->setObjectName(u"chatState"_s);
    m_state->setWordWrap(true);

    m_email = new QLineEdit(body);
    m_email->setObjectName(u"chatEmail"_s);
    m_start = new QPushButton(body);
    m_start->setObjectName(u"chatStart"_s);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_email, 1);
    startRow->addWidget(m_start);

    m_conversationView = new QListView(body);
    m_conversationView->setObjectName(u"chatConversations"_s);
    m_conversationView->setModel(m_conversations);
    m_conversationView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_conversationView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A long name or message is cut at the edge rather than scrolled to.
    m_conversationView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_conversationView->setTextElideMode(Qt::ElideRight);

    m_earlier = new QPushButton(body);
    m_earlier->setObjectName(u"chatEarlier"_s);
    m_earlier->setFlat(true);
    m_earlier->hide();
    m_messageView = new QListView(body);
    m_messageView->setObjectName(u"chatMessages"_s);
    m_messageView->setModel(m_messages);
    m_messageView->setItemDelegate(new BubbleDelegate(m_messageView));
    m_messageView->setSelectionMode(QAbstractItemView::NoSelection);
    m_messageView->setResizeMode(QListView::Adjust);
    m_messageView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_messageView->setWordWrap(true);
    auto *messagePane = new QWidget(body);
    auto *messageLayout = new QVBoxLayout(messagePane);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    messageLayout->addWidget(m_earlier);
    messageLayout->addWidget(m_messageView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, body);
    splitter->addWidget(m_conversationView);
    splitter->addWidget(messagePane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    m_input = new QPlainTextEdit(body);
    m_input->setObjectName(u"chatInput"_s);
    m_input->setTabChangesFocus(true);
    m_input->setMaximumHeight(m_input->fontMetrics().lineSpacing() * 4 + 12);
    m_send = new QPushButton(body);
    m_send->setObjectName(u"chatSend"_s);
    // The input across the dock, Send under it on the right: a narrow dock keeps a usable input.
    auto *inputRow = new QVBoxLayout;
    inputRow->addWidget(m_input);
    inputRow->addWidget(m_send, 0, Qt::AlignRight);

    m_error = new QLabel(body);
    m_error->setObjectName(u"chatError"_s);
    FormErrors::prepareLabel(m_error);

    auto *layout = new QVBoxLayout(body);
    layout->addWidget(m_state);
    layout->addLayout(startRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addLayout(inputRow);
    setWidget(body);
    // Room for a sentence per line in a bubble, in either language, and no more: the Russian window
    // with the dock open fits a 1280 pixel screen (tst_accessibility).
    body->setMinimumWidth(fontMetrics().averageCharWidth() * 36);

    connect(m_start, &QPushButton::clicked, this, [this] {
        if (!m_email->text().trimmed().isEmpty())
            startConversation(m_email->text().trimmed(), std::nullopt, QString());
    });
    connect(m_email, &QLineEdit::returnPressed, m_start, &QPushButton::click);
    connect(m_send, &QPushButton::clicked, this, &ChatPanel::sendTyped);
    for (const auto key : { Qt::Key_Return, Qt::Key_Enter }) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | key), m_input);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &ChatPanel::sendTyped);
    }
    connect(m_input, &QPlainTextEdit::textChanged, this, &ChatPanel::updateInput);
    connect(m_conversationView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ChatPanel::onConversationSelected);
    connect(m_earlier, &QPushButton::clicked, this, [this] {
        if (const qint64 first = m_messages->firstSeq(); first > 1)
            m_client.loadHistory(m_messages->conversation(), first);
    });
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            markReadIfShown();
    });

    connect(&m_client.connection(), &ServerConnection::stateChanged, this, &ChatPanel::onStateChanged);
    connect(&m_client, &ChatClient::conversationsLoaded, this,
            [this](const QList<net::protocol::ConversationJson> &conversations) {
                const QUuid current = m_messages->conversation();
                m_conversations->setConversations(conversations);
                // The one shown stays shown; one the server no longer lists (another
                // account, a server that lost it) leaves the message view.
                if (!current.isNull())
                    openConversation(current);
                onConversationSelected();
                updateTitle();
            });
    connect(&m_client, &ChatClient::conversationStarted, this,
            [this](const net::protocol::ConversationJson &conversation) {
                if (!m_conversations->conversation(conversation.id))
                    m_conversations->upsert(conversation);
                if (std::exchange(m_selectStarted, false)) {
                    m_email->clear();
                    openConversation(conversation.id);
                    m_input->setFocus();
                }
                updateTitle();
            });
    connect(&m_client, &ChatClient::messageReceived, this, &ChatPanel::onMessage);
    connect(&m_client, &ChatClient::messageSent, this, &ChatPanel::onMessage);
    connect(&m_client, &ChatClient::messageQueued, this,
            [this](const models::chat::PendingMessage &message) { m_messages->addPending({ message }); });
    connect(&m_client, &ChatClient::messageRefused, this, [this](const QUuid &id, const net::protocol::Error &error) {
        m_messages->removePending(id);
        showError(errorText(u"chat.send"_s, error));
    });
    connect(&m_client, &ChatClient::historyLoaded, this, &ChatPanel::onHistory);
    connect(&m_client, &ChatClient::receiptReceived, this,
            [this](const QUuid &conversation, const QUuid &user, qint64 delivered, qint64 read) {
                if (user == m_client.connection().user().id)
                    return; // one's own marks, from another app
                m_conversations->noteReceipt(conversation, delivered, read);
                if (conversation == m_messages->conversation())
                    m_messages->setPeerMarks(delivered, read);
            });
    connect(&m_client, &ChatClient::requestFailed, this,
            [this](const QString &request, const net::protocol::Error &error) {
                if (request.startsWith(u"chat."_s))
                    showError(errorText(request, error));
            });

    retranslate();
    updateInput();
}

ChatPanel::~ChatPanel() = default;

void ChatPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

void ChatPanel::retranslate()
{
    m_email->setPlaceholderText(tr("E-mail of the person to write to"));
    m_email->setAccessibleName(m_email->placeholderText()); // a placeholder is no name to a screen reader
    m_start->setText(tr("Start"));
    m_earlier->setText(tr("Earlier messages"));
    m_input->setPlaceholderText(tr("Write a message (Ctrl+Enter sends)"));
    m_input->setAccessibleName(tr("Message"));
    m_conversationView->setAccessibleName(tr("Conversations"));
    m_messageView->setAccessibleName(tr("Messages"));
    m_send->setText(tr("Send"));
    updateTitle();
    onStateChanged(m_client.connection().state());
    // The conversations' last lines and the messages' states and times.
    models::itemmodels::announceRetranslated(*m_conversations);
    models::itemmodels::announceRetranslated(*m_messages);
}

QString ChatPanel::stateText(ServerConnection::State state)
{
    switch (state) {
    case ServerConnection::State::Online:
        return tr("Online");
    case ServerConnection::State::Connecting:
        return tr("Connecting…");
    case ServerConnection::State::Offline:
        return tr("Offline");
    }
    return QString();
}

QString ChatPanel::errorText(const QString &request, const net::protocol::Error &error) const
{
    using net::protocol::ErrorCode;
    // The server's sentences are English; the codes this build knows get its own words.
    if (error.is(ErrorCode::NotFound)) {
        if (request != u"chat.start"_s)
            return tr("This conversation is not on the server.");
        return m_peerName.isEmpty() ? tr("Nobody on the server has this e-mail address.")
                                    : tr("%1 has no account on the chat server yet.").arg(m_peerName);
    }
    if (error.is(ErrorCode::NotAllowed))
        return request == u"chat.start"_s ? tr("You cannot start a conversation with yourself.")
                                          : tr("This is not allowed.");
    if (error.is(ErrorCode::NotLoggedIn) || error.is(ErrorCode::InvalidToken))
        return tr("Sign in to the server again (Settings, Server).");
    if (error.is(ErrorCode::ServerBusy) || error.is(ErrorCode::Internal))
        return tr("The server has a problem; try again in a moment.");
    return error.message;
}

void ChatPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ChatPanel::onStateChanged(ServerConnection::State state)
{
    QString text = stateText(state);
    if (state == ServerConnection::State::Offline && !m_client.connection().hasSession())
        text = m_signInHint.isEmpty() ? tr("Offline — sign in to a chat server in Settings, on the Server tab.")
                                      : m_signInHint;
    else if (state == ServerConnection::State::Offline || state == ServerConnection::State::Connecting)
        text += u" — "_s + tr("messages you write are sent when the server is back.");
    m_state->setText(text);
    m_start->setEnabled(state == ServerConnection::State::Online);
    if (state == ServerConnection::State::Online)
        showError(QString());
}

void ChatPanel::setSignInHint(const QString &hint)
{
    m_signInHint = hint;
    onStateChanged(m_client.connection().state());
}

void ChatPanel::startConversation(const QString &email, const std::optional<net::protocol::About> &about,
                                  const QString &peerName)
{
    showError(QString());
    m_peerName = peerName;
    if (m_client.connection().state() != ServerConnection::State::Online) {
        showError(tr("A conversation can be started only while connected to the server."));
        return;
    }
    m_selectStarted = true;
    m_client.startConversation(email, about);
}

QUuid ChatPanel::currentConversation() const
{
    return m_conversationView->currentIndex().data(ConversationListModel::IdRole).toUuid();
}

void ChatPanel::openConversation(const QUuid &conversation)
{
    const QModelIndex index = m_conversations->indexOf(conversation);
    if (index.isValid())
        m_conversationView->setCurrentIndex(index);
}

void ChatPanel::onConversationSelected()
{
    const QUuid id = currentConversation();
    if (id == m_messages->conversation()) {
        // Shown already; after a reconnect, what came meanwhile comes with the catch-up.
        return;
    }
    const auto conversation = m_conversations->conversation(id);
    m_messages->show(id, m_client.connection().user().id, conversation ? conversation->peerDeliveredUpTo : 0,
                     conversation ? conversation->peerReadUpTo : 0);
    m_earlier->hide();
    if (!id.isNull()) {
        m_messages->addPending(m_client.pending());
        m_client.loadHistory(id, std::nullopt);
    }
    updateInput();
}

void ChatPanel::onHistory(const QUuid &conversation, const QList<net::protocol::ChatMessageJson> &messages, bool more)
{
    if (conversation != m_messages->conversation())
        return;
    m_messages->addMessages(messages);
    // "Earlier" only for a page of older ones: a catch-up's "more" is about newer ones.
    if (!messages.isEmpty() && messages.constFirst().seq <= m_messages->firstSeq())
        m_earlier->setVisible(more);
    m_messageView->scrollToBottom();
    markReadIfShown();
}

void ChatPanel::onMessage(const net::protocol::ChatMessageJson &message)
{
    m_conversations->noteMessage(message, m_client.connection().user().id);
    if (message.conversationId == m_messages->conversation()) {
        m_messages->addMessages({ message });
        m_messageView->scrollToBottom();
        markReadIfShown();
    }
    updateTitle();
}

void ChatPanel::markReadIfShown()
{
    const QUuid id = m_messages->conversation();
    if (id.isNull() || !isVisible())
        return;
    if (const qint64 last = m_messages->lastSeq(); last > 0)
        m_client.markRead(id, last);
    m_conversations->markAllRead(id);
    updateTitle();
}

void ChatPanel::updateTitle()
{
    const qint64 unread = m_conversations->totalUnread();
    setWindowTitle(unread > 0 ? tr("Chat (%1)").arg(unread) : tr("Chat"));
    Q_EMIT unreadChanged(unread);
}

void ChatPanel::updateInput()
{
    const bool conversation = !m_messages->conversation().isNull();
    m_input->setEnabled(conversation);
    m_send->setEnabled(conversation && !m_input->toPlainText().trimmed().isEmpty());
}

void ChatPanel::sendTyped()
{
    const QString text = m_input->toPlainText();
    if (text.trimmed().isEmpty() || m_messages->conversation().isNull())
        return;
    auto queued = m_client.send(m_messages->conversation(), text);
    if (!queued) {
        showError(queued.error().message);
        return; // the text stays in the input, to be shortened
    }
    showError(QString());
    m_input->clear();
    m_messageView->scrollToBottom();
}

} // namespace rentdesk::views
