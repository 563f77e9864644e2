// Fuzz target: the small state files the kiosk trusts at start — the key file (KeyStore), the
// admin PIN record (PinStore) and the PIN lockout state (LockoutState). The first byte picks
// the file, the rest is its content. Each parser gives a value or a clear error; what parses
// must be usable (a key store from parsed material, a record that serialises back to itself).
#include "app/admin/LockoutState.h"
#include "app/admin/PinStore.h"
#include "app/platform/KeyStore.h"

#include <cstddef>
#include <cstdint>

using namespace onewindow;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0: {
        auto material = KeyStore::parseMaterial(bytes, QStringLiteral("<fuzz>"));
        if (material) {
            auto store = KeyStore::fromMaterial(std::move(material).value());
            if (store) {
                const RowBinding binding{QStringLiteral("t"), QByteArray("r"), QStringLiteral("c")};
                auto sealed = store.value().seal("x", binding);
                if (sealed) {
                    auto opened = store.value().open(sealed.value().keyVersion, sealed.value().blob, binding);
                    if (!opened || opened.value() != "x")
                        __builtin_trap(); // a key store that cannot read what it sealed
                }
                (void)store.value().blindIndex(u"11010519491231002X");
            }
        }
        break;
    }
    case 1: {
        auto record = admin::PinStore::parse(bytes);
        if (record) {
            auto again = admin::PinStore::parse(admin::PinStore::serialise(record.value()));
            if (!again || again.value().hash != record.value().hash ||
                again.value().salt != record.value().salt ||
                again.value().params.n != record.value().params.n)
                __builtin_trap(); // saving the record would change it
        }
        break;
    }
    case 2: {
        static const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1796000000, Qt::UTC);
        const admin::LockoutState lockout(QStringLiteral("<fuzz>"), 5, 15, [] { return kNow; });
        bool rewrite = false;
        const auto s = lockout.parse(bytes, &rewrite);
        if (s.failures < 0 || (s.locked() && s.lockedUntil <= kNow))
            __builtin_trap(); // a negative count or a lock that is already over
        (void)lockout.parse(std::nullopt, &rewrite);
        break;
    }
    }
    return 0;
}
