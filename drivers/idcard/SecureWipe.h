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

} // namespace onewindow
