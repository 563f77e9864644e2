#include "drivers/idcard/SecureWipe.h"

#include <cstddef>
#include <cstring>
#include <type_traits>

namespace onewindow {

void secureWipe(void* data, qsizetype size)
{
    if (data == nullptr || size <= 0)
        return;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 25))
    // explicit_bzero is a store the optimiser is not allowed to drop.
    explicit_bzero(data, static_cast<std::size_t>(size));
#else
    volatile unsigned char* p = static_cast<volatile unsigned char*>(data);
    for (qsizetype i = 0; i < size; ++i)
        p[i] = 0;
#endif
}

namespace {

// Wipes the whole allocation of a container we solely own: the live characters plus the free
// space before and after them (stale bytes from an earlier chop(), truncate() or trimmed()).
template <typename DataPointer> void wipeAllocation(DataPointer& d)
{
    using T = std::remove_pointer_t<decltype(d.data())>;
    T* begin = d.data() - d.freeSpaceAtBegin();
    const qsizetype count = d.freeSpaceAtBegin() + d.size + d.freeSpaceAtEnd();
    secureWipe(static_cast<void*>(begin), count * qsizetype(sizeof(T)));
}

} // namespace

void secureWipe(QByteArray& bytes)
{
    // A shared buffer (an implicit copy, or fromRawData) is released, not detached: the other
    // owner wipes its own copy, and raw data is not ours to write.
    if (bytes.isDetached() && bytes.data_ptr().data() != nullptr)
        wipeAllocation(bytes.data_ptr());
    bytes = QByteArray();
}

void secureWipeShared(QString& text)
{
    if (text.data_ptr().d_ptr() != nullptr)
        wipeAllocation(text.data_ptr());
    text = QString();
}

void secureWipe(QString& text)
{
    if (text.isDetached() && text.data_ptr().data() != nullptr)
        wipeAllocation(text.data_ptr());
    text = QString();
}

} // namespace onewindow
