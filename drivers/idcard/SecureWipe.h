#pragma once

#include <QByteArray>
#include <QString>

namespace onewindow {

// Overwrites the buffer in place (with a store the compiler may not elide), then empties it.
// A shared (implicitly copied) buffer is only released, never detached: detaching would make
// a fresh copy just to wipe it, while the other owner wipes its own copy.
void secureWipe(QByteArray& bytes);
void secureWipe(QString& text);
void secureWipe(void* data, qsizetype size);

// For the end of a session only: overwrites the text's heap buffer even while other strings
// share it, then empties this one. The sharers are stale views of resident data (QML and
// JavaScript strings, copies in queued events) that would otherwise keep it alive, or free it
// unwiped later. Literals and raw data (no heap buffer of ours) are only released.
void secureWipeShared(QString& text);

} // namespace onewindow
