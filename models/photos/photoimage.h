// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/services/domainerror.h"

#include <QByteArray>
#include <QSize>
#include <QString>

namespace rentdesk::models::photos {

// The limits of a photo (docs/architecture.md, "Photos"). The input limits are checked before
// anything is decoded; the stored sizes are what preparePhoto() makes.
struct PhotoLimits
{
    static constexpr qint64 maxInputBytes = 25LL * 1024 * 1024;
    static constexpr int minSide = 32;
    static constexpr int maxSide = 12000;
    static constexpr qint64 maxPixels = 50'000'000;
    static constexpr int imageSide = 2048;
    static constexpr int imageQuality = 85;
    static constexpr int thumbnailSide = 320;
    static constexpr int thumbnailQuality = 80;
};

// A photo as RentDesk stores it: both images re-encoded as JPEG (no metadata of the input
// survives), named by the SHA-256 of their bytes (lowercase hex).
struct PreparedPhoto
{
    QByteArray image;
    QByteArray thumbnail;
    QString imageSha256;
    QString thumbnailSha256;
    int width = 0;
    int height = 0;
};

// Checks a file a person chose (type by content, size, pixels) and makes the stored image and
// thumbnail from it. Every refusal is InvalidValue about the photo's "file" with a sentence
// naming the problem and the limit. Runs under a QCoreApplication: the server checks what it
// is sent itself.
[[nodiscard]] services::Result<PreparedPhoto> preparePhoto(const QByteArray &data);

// Checks bytes that claim to be a stored image (a desktop's upload, later): a complete JPEG by
// content that decodes, each side at most maxSide. Its size in pixels.
[[nodiscard]] services::Result<QSize> checkStoredJpeg(const QByteArray &bytes, int maxSide);

// Lowercase hex SHA-256 of bytes, as photos are named.
[[nodiscard]] QString sha256Hex(const QByteArray &bytes);

} // namespace rentdesk::models::photos
