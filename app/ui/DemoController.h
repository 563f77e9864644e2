#pragma once

#include "drivers/reader/ReaderManager.h"
#include "drivers/sim/SimIdentities.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace onewindow {

class LanguageController;

// The demo panel's side of the simulated reader: which synthetic cards exist (as masked
// labels) and the place/remove/fail buttons. Commands run on the reader thread.
class DemoController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool enabled READ enabled CONSTANT)
    Q_PROPERTY(QStringList cards READ cards NOTIFY cardsChanged)
public:
    DemoController(bool enabled, ReaderManager* readers, const QList<SimCard>& cards,
                   LanguageController* language, QObject* parent = nullptr);

    bool enabled() const { return m_enabled; }
    QStringList cards() const;

    Q_INVOKABLE void placeCard(int index);
    Q_INVOKABLE void removeCard();
    // Next read fails with this ReadError key ("card_moved", "card_unreadable", …).
    Q_INVOKABLE void failNextRead(const QString& errorKey);

Q_SIGNALS:
    void cardsChanged();

private:
    struct Entry
    {
        DocumentType type;
        QString maskedName;
        bool expired;
    };
    bool m_enabled;
    QPointer<ReaderManager> m_readers;
    QList<Entry> m_entries;
};

} // namespace onewindow
