// Every heap block is overwritten when it is freed (and when realloc() moves it), in the whole
// kiosk process: Qt's JSON and string builders, libcurl, OpenSSL and the QML engine make
// temporaries of a resident's data that we cannot reach, and glibc returns them to its free
// lists as they are. The session wipe (DESIGN.md §10) covers the buffers we own; this covers
// the rest once they are freed (issue 16, tst_e2e_memory). Linked into the kiosk executable
// only (an object library), where these definitions take the place of glibc's for every
// library. Not under AddressSanitizer, which brings its own allocator.
#include <cstddef> // <features.h>: __GLIBC__
#if defined(__SANITIZE_ADDRESS__)
#define ONEWINDOW_WIPE_ON_FREE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define ONEWINDOW_WIPE_ON_FREE 0
#endif
#endif
#if !defined(ONEWINDOW_WIPE_ON_FREE) && defined(__GLIBC__)
#define ONEWINDOW_WIPE_ON_FREE 1
#endif

#if ONEWINDOW_WIPE_ON_FREE
#include <cstring>
#include <malloc.h>

extern "C" {
// glibc's own entry points, which its malloc/free are aliases of.
void* __libc_malloc(size_t size);
void __libc_free(void* p);

__attribute__((visibility("default"))) void free(void* p) noexcept
{
    if (p != nullptr)
        explicit_bzero(p, malloc_usable_size(p));
    __libc_free(p);
}

// Growing in place would be glibc's realloc: it may move the block and free the old one
// unwiped. So: shrink in place (wiping the tail), grow by copying and freeing (wiping).
__attribute__((visibility("default"))) void* realloc(void* p, size_t size) noexcept
{
    if (p == nullptr)
        return __libc_malloc(size);
    if (size == 0) {
        free(p);
        return nullptr;
    }
    const size_t old = malloc_usable_size(p);
    if (size <= old) {
        explicit_bzero(static_cast<char*>(p) + size, old - size);
        return p;
    }
    void* grown = __libc_malloc(size);
    if (grown == nullptr)
        return nullptr; // like realloc: the old block stays valid
    std::memcpy(grown, p, old);
    free(p);
    return grown;
}
}
#endif
