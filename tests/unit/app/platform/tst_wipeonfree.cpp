// app/platform/WipeOnFree.cpp: a freed block, and the old block of a realloc() that moved,
// no longer hold what was written into them. Reads freed memory on purpose (glibc keeps it
// mapped; its free-list links take the first 16 bytes, so those are not compared).
#include <QTest>
#include <cstdlib>
#include <cstring>
#include <malloc.h>

// Reading a block after free() is what this test is about.
#pragma GCC diagnostic ignored "-Wuse-after-free"

class TestWipeOnFree : public QObject
{
    Q_OBJECT

    static int residue(const volatile unsigned char* p, size_t size)
    {
        int n = 0;
        for (size_t i = 16; i < size; ++i)
            n += p[i] == 'S' ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("AddressSanitizer brings its own allocator (WipeOnFree is off)");
#endif
    }

    void freedBlockIsOverwritten_data()
    {
        QTest::addColumn<size_t>("size");
        QTest::newRow("small (tcache)") << size_t(64);
        QTest::newRow("medium (bins)") << size_t(4000);
        QTest::newRow("large (top chunk)") << size_t(100000);
    }
    void freedBlockIsOverwritten()
    {
        QFETCH(size_t, size);
        auto* p = static_cast<unsigned char*>(std::malloc(size));
        QVERIFY(p);
        const size_t usable = malloc_usable_size(p);
        std::memset(p, 'S', usable);
        QCOMPARE(residue(p, usable), int(usable - 16));
        std::free(p);
        QCOMPARE(residue(p, usable), 0);
    }

    void reallocThatMovesWipesTheOldBlock()
    {
        auto* p = static_cast<unsigned char*>(std::malloc(48));
        const size_t usable = malloc_usable_size(p);
        std::memset(p, 'S', usable);
        void* blocker = std::malloc(48); // the block cannot grow in place
        auto* q = static_cast<unsigned char*>(std::realloc(p, 200000));
        QVERIFY(q);
        QVERIFY(q != p);
        QCOMPARE(residue(q, usable), int(usable - 16)); // the data moved along
        QCOMPARE(residue(p, usable), 0);                // and is gone from the old block
        std::free(q);
        std::free(blocker);
    }

    void reallocThatShrinksWipesTheTail()
    {
        auto* p = static_cast<unsigned char*>(std::malloc(512));
        const size_t usable = malloc_usable_size(p);
        std::memset(p, 'S', usable);
        auto* q = static_cast<unsigned char*>(std::realloc(p, 100));
        QVERIFY(q);
        if (q != p)
            QSKIP("realloc moved the block (the allocator's choice)");
        int tail = 0;
        for (size_t i = 100; i < usable; ++i)
            tail += q[i] == 'S' ? 1 : 0;
        QCOMPARE(tail, 0);
        std::free(q);
    }
};

QTEST_APPLESS_MAIN(TestWipeOnFree)
#include "tst_wipeonfree.moc"
