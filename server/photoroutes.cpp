// SPDX-License-Identifier: GPL-3.0-or-later
//
// The photo requests of docs/protocol.md ("Photos", version 2): photo.missing, photo.put and
// photo.get. A photo's row travels in sync like any other; its two JPEGs travel here, by hash,
// the desktop uploading what the server lacks before it pushes addPhoto. The rules are
// PhotoService's: who may upload, the SHA-256 and the JPEG checks, who may see a blob.
#include "net/protocol/message.h"
#include "net/protocol/protocol.h"
#include "server/clientconnection.h"
#include "server/router.h"
#include "server/routeroffload.h"

#include <QJsonArray>
#include <QLoggingCategory>

namespace rentdesk::server {

using namespace Qt::StringLiterals;
using models::services::PhotoService;
using net::protocol::Error;
using net::protocol::ErrorCode;

Q_LOGGING_CATEGORY(lcPhotos, "rentdesk.server.photos", QtInfoMsg)

namespace {

// The most hashes one photo.missing may ask about: the two of each photo of a gallery.
constexpr qsizetype MaxHashesPerQuestion = 2 * PhotoService::maxPhotosPerApartment;

std::expected<QString, Error> requireBlobName(const QJsonObject &body, QStringView field)
{
    auto name = net::protocol::requireString(body, field, 64);
    if (!name)
        return name;
    if (!PhotoService::isBlobName(*name)) {
        return std::unexpected(Error::make(ErrorCode::BadRequest,
                                           u"A photo's bytes are named by their SHA-256 as 64 lowercase hex digits."_s,
                                           field.toString()));
    }
    return name;
}

} // namespace

void Router::photoMissing(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto list = net::protocol::requireArray(r.body, u"hashes");
    if (!list) {
        done(net::protocol::errorReply(r.id, list.error()));
        return;
    }
    if (list->isEmpty() || list->size() > MaxHashesPerQuestion) {
        done(net::protocol::errorReply(r.id,
                                       Error::make(ErrorCode::BadRequest,
                                                   u"Ask about 1 to %1 hashes at once."_s.arg(MaxHashesPerQuestion),
                                                   u"hashes"_s)));
        return;
    }
    QStringList hashes;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QString hash = list->at(i).toString();
        if (!PhotoService::isBlobName(hash)) {
            done(net::protocol::errorReply(
                r.id,
                Error::make(ErrorCode::BadRequest, u"A hash is 64 lowercase hex digits."_s, u"hashes[%1]"_s.arg(i))));
            return;
        }
        hashes.append(hash);
    }
    const auto missing = m_photos.missingBlobs(*c.user(), hashes);
    if (!missing) {
        done(net::protocol::errorReply(r.id, Error::fromDomain(missing.error())));
        return;
    }
    done(net::protocol::reply(
        r.id, { { u"missing"_s, QJsonArray::fromStringList(*missing) }, { u"chunkBytes"_s, photoChunkBytes() } }));
}

void Router::photoPut(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto fail = [&](const Error &error) {
        done(net::protocol::errorReply(r.id, error));
    };
    const auto sha256 = requireBlobName(r.body, u"sha256");
    if (!sha256)
        return fail(sha256.error());
    const auto kindName = net::protocol::requireString(r.body, u"kind", 16);
    if (!kindName)
        return fail(kindName.error());
    if (*kindName != u"image" && *kindName != u"thumbnail")
        return fail(Error::make(ErrorCode::BadRequest, u"The kind is \"image\" or \"thumbnail\"."_s, u"kind"_s));
    const auto kind = *kindName == u"image" ? PhotoService::BlobKind::Image : PhotoService::BlobKind::Thumbnail;
    const auto size = net::protocol::requireInt(r.body, u"size", 1, net::protocol::MaxJsonInteger);
    if (!size)
        return fail(size.error());
    const auto offset = net::protocol::requireInt(r.body, u"offset", 0, net::protocol::MaxJsonInteger);
    if (!offset)
        return fail(offset.error());
    const auto text = net::protocol::requireString(r.body, u"data", int(m_config.maxMessageBytes));
    if (!text)
        return fail(text.error());
    const auto decoded = QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || decoded.decoded.size() > photoChunkBytes()) {
        return fail(Error::make(ErrorCode::BadRequest, u"The data is 1 to %1 bytes in base64."_s.arg(photoChunkBytes()),
                                u"data"_s));
    }
    if (*size > PhotoService::maxBlobBytes(kind)) {
        // Refused before anything is kept: a service refusal, as the bytes would be at the end.
        return fail(Error::fromDomain(models::services::DomainError(
            models::services::DomainError::Code::InvalidValue, u"photo"_s, u"size"_s,
            u"A stored %1 may have at most %2 bytes."_s.arg(*kindName).arg(PhotoService::maxBlobBytes(kind)))));
    }

    const QUuid user = *c.user();
    if (*offset == 0) {
        // A new upload, in place of one this connection left unfinished; only a landlord's is
        // kept in memory.
        m_photoUploads.remove(&c);
        if (const auto allowed = m_photos.missingBlobs(user, { *sha256 }); !allowed)
            return fail(Error::fromDomain(allowed.error()));
        int underWay = m_photoUploadsChecking.value(user);
        for (const PhotoUpload &upload : std::as_const(m_photoUploads))
            underWay += upload.user == user ? 1 : 0;
        if (underWay >= MaxPhotoUploadsPerUser) {
            done(rateLimited(r.id, u"Other uploads of yours are under way; send this one after them."_s,
                             std::chrono::seconds(2)));
            return;
        }
        const QString key = user.toString(QUuid::WithoutBraces);
        if (const auto place = m_userPhotoUploads.begin(key); !place) {
            done(rateLimited(r.id, u"Too many photo uploads in the last hour."_s, place.error()));
            return;
        }
        m_userPhotoUploads.end(key, RateLimiter::Outcome::Counted);
        PhotoUpload upload { user, *sha256, kind, *size, {} };
        upload.data.reserve(*size);
        m_photoUploads.insert(&c, std::move(upload));
    }
    const auto found = m_photoUploads.find(&c);
    if (found == m_photoUploads.end() || found->sha256 != *sha256 || found->kind != kind || found->size != *size
        || found->data.size() != *offset) {
        const qint64 expected = found != m_photoUploads.end() && found->sha256 == *sha256 ? found->data.size() : 0;
        return fail(Error::make(ErrorCode::BadRequest,
                                u"This upload goes on at offset %1 (0 starts it again)."_s.arg(expected), u"offset"_s));
    }
    if (*offset + decoded.decoded.size() > found->size) {
        m_photoUploads.erase(found);
        return fail(Error::make(ErrorCode::BadRequest, u"The data goes past the size given."_s, u"data"_s));
    }
    found->data.append(decoded.decoded);
    const qint64 received = found->data.size();
    if (received < found->size) {
        done(net::protocol::reply(r.id, { { u"received"_s, received }, { u"complete"_s, false } }));
        return;
    }
    // Decoding a JPEG of up to 2048 pixels a side takes some tens of milliseconds: on a worker,
    // so that the other connections' requests go on meanwhile.
    const PhotoUpload upload = m_photoUploads.take(&c);
    ++m_photoUploadsChecking[user];
    offload(
        c, 0,
        [database = m_database, &clock = m_clock, upload] {
            return PhotoService(models::services::ServiceContext(database, clock, models::services::Mode::Server))
                .storeBlob(upload.user, upload.kind, upload.sha256, upload.data);
        },
        [this, user, sha256 = upload.sha256, received, requestId = r.id,
         done](ClientConnection *open, const models::services::Result<void> &stored) {
            if (--m_photoUploadsChecking[user] <= 0)
                m_photoUploadsChecking.remove(user);
            if (!stored)
                qCInfo(lcPhotos) << "refused an upload of" << sha256 << ":" << stored.error().message;
            if (!open)
                return;
            if (!stored) {
                done(net::protocol::errorReply(requestId, Error::fromDomain(stored.error())));
                return;
            }
            done(net::protocol::reply(requestId, { { u"received"_s, received }, { u"complete"_s, true } }));
        });
}

void Router::photoGet(ClientConnection &c, const net::protocol::Request &r, const Done &done)
{
    const auto fail = [&](const Error &error) {
        done(net::protocol::errorReply(r.id, error));
    };
    const auto sha256 = requireBlobName(r.body, u"sha256");
    if (!sha256)
        return fail(sha256.error());
    const auto offset = net::protocol::optionalInt(r.body, u"offset", 0, net::protocol::MaxJsonInteger);
    if (!offset)
        return fail(offset.error());
    const auto binary = net::protocol::optionalBool(r.body, u"binary");
    if (!binary)
        return fail(binary.error());
    // The same chunks as a snapshot's: a reply within the page budget, in base64 too.
    const qint64 from = offset->value_or(0);
    const auto part = m_photos.visibleBlob(*c.user(), *sha256, from, snapshotChunkBytes());
    if (!part)
        return fail(Error::fromDomain(part.error()));
    if (from > part->size)
        return fail(Error::make(ErrorCode::BadRequest, u"The offset is past the photo's end."_s, u"offset"_s));
    const QByteArray &data = part->bytes;
    const QJsonObject result { { u"sha256"_s, *sha256 }, { u"offset"_s, from }, { u"size"_s, part->size } };
    if (binary->value_or(false)) {
        done(net::protocol::binaryReply(r.id, result, data));
        return;
    }
    done(net::protocol::reply(r.id, result, "data"_L1, '"' + data.toBase64() + '"'));
}

} // namespace rentdesk::server
