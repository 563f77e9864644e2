#include "app/ui/DemoConsole.h"

#include "app/session/ResidentSession.h"
#include "app/ui/DemoController.h"
#include "app/ui/LanguageController.h"
#include "app/ui/TapGuard.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <QMetaProperty>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unistd.h>

// QtGui's entry for synthetic input (what QTest uses): events then take the same path as the
// window system's, so pointer grabs and press/release pairs work as for a real finger.
Q_GUI_EXPORT void qt_handleMouseEvent(QWindow* window, const QPointF& local, const QPointF& global,
                                      Qt::MouseButtons state, Qt::MouseButton button, QEvent::Type type,
                                      Qt::KeyboardModifiers mods, int timestamp);

namespace onewindow {

DemoConsole::DemoConsole(ResidentSession* session, DemoController* demo, LanguageController* language,
                         QObject* parent)
    : QObject(parent), m_session(session), m_demo(demo), m_language(language),
      m_notifier(STDIN_FILENO, QSocketNotifier::Read)
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &DemoConsole::readAvailable);
    connect(m_session, &ResidentSession::stateChanged, this, [this](ResidentSession::State s) {
        print(QStringLiteral("state ") + QString::fromLatin1(ResidentSession::stateKey(s)));
    });
    connect(m_session, &ResidentSession::cardMismatch, this,
            [this] { print(QStringLiteral("card mismatch")); });
}

void DemoConsole::readAvailable()
{
    char chunk[512];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) {
        m_notifier.setEnabled(false); // EOF: the controlling side went away; keep running
        return;
    }
    m_buffer.append(chunk, n);
    qsizetype eol;
    while ((eol = m_buffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_buffer.left(eol)).trimmed();
        m_buffer.remove(0, eol + 1);
        if (!line.isEmpty())
            m_queued << line;
    }
    runQueued();
}

void DemoConsole::runQueued()
{
    while (!m_waiting && !m_queued.isEmpty())
        execute(m_queued.takeFirst());
}

void DemoConsole::print(const QString& line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString DemoConsole::currentScreen() const
{
    // The root ApplicationWindow publishes the objectName of the screen it shows.
    return m_window ? m_window->property("currentScreen").toString() : QString();
}

namespace {

bool effectivelyVisible(const QQuickItem* item)
{
    for (const QQuickItem* i = item; i; i = i->parentItem()) {
        if (!i->isVisible() || i->opacity() <= 0.0)
            return false;
    }
    return true;
}

void collectItems(QQuickItem* root, QList<QQuickItem*>& out)
{
    out.append(root);
    for (QQuickItem* child : root->childItems())
        collectItems(child, out);
}

// True when `v` (a string, list or map, recursively) contains `needle`.
bool variantContains(const QVariant& v, const QString& needle)
{
    switch (v.typeId()) {
    case QMetaType::QString:
        return v.toString().contains(needle);
    case QMetaType::QStringList:
        return v.toStringList().join(QLatin1Char('\n')).contains(needle);
    case QMetaType::QVariantList:
        for (const QVariant& e : v.toList()) {
            if (variantContains(e, needle))
                return true;
        }
        return false;
    case QMetaType::QVariantMap: {
        const QVariantMap m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (variantContains(it.value(), needle))
                return true;
        }
        return false;
    }
    default:
        if (v.canConvert<QVariantList>() && !v.canConvert<QString>())
            return variantContains(v.value<QVariantList>(), needle);
        return v.canConvert<QString>() && v.toString().contains(needle);
    }
}

QStringList propertiesContaining(const QObject* o, const QString& needle)
{
    QStringList hits;
    const QMetaObject* mo = o->metaObject();
    for (int i = 0; i < mo->propertyCount(); ++i) {
        const QMetaProperty p = mo->property(i);
        // Only text-carrying types: reading others (e.g. fontInfo) can have side effects.
        const int type = p.metaType().id();
        if (!p.isReadable() || (type != QMetaType::QString && type != QMetaType::QStringList &&
                                type != QMetaType::QVariantList && type != QMetaType::QVariantMap &&
                                type != QMetaType::QVariant && type != QMetaType::QUrl))
            continue;
        if (variantContains(p.read(o), needle))
            hits << QString::fromLatin1(mo->className()) + QLatin1Char('.') + QString::fromLatin1(p.name());
    }
    return hits;
}

} // namespace

QQuickItem* DemoConsole::findVisibleItem(const QString& path) const
{
    // "a/b/c": c inside b inside a, each the first visible match under the previous one.
    if (!m_window)
        return nullptr;
    // From the topmost item: an ApplicationWindow's header and footer are not under its
    // content item.
    QQuickItem* root = m_window->contentItem();
    while (root->parentItem())
        root = root->parentItem();
    QQuickItem* scope = root;
    for (const QString& name : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        QList<QQuickItem*> items;
        collectItems(scope, items);
        QQuickItem* found = nullptr;
        for (QQuickItem* i : items) {
            if (i != scope && i->objectName() == name && effectivelyVisible(i)) {
                found = i;
                break;
            }
        }
        if (!found)
            return nullptr;
        scope = found;
    }
    return scope == root ? nullptr : scope;
}

namespace {
// Scrolls the enclosing Flickables so that `item` is on screen, as the resident would.
void scrollIntoView(QQuickItem* item)
{
    for (QQuickItem* p = item->parentItem(); p; p = p->parentItem()) {
        if (!p->inherits("QQuickFlickable"))
            continue;
        const QPointF top = item->mapToItem(p, QPointF(0, 0));
        const qreal contentY = p->property("contentY").toReal();
        const qreal maxY = qMax<qreal>(0, p->property("contentHeight").toReal() - p->height());
        if (top.y() < 0 || top.y() + item->height() > p->height())
            p->setProperty("contentY", qBound<qreal>(0, contentY + top.y() - p->height() / 3, maxY));
    }
}
} // namespace

bool DemoConsole::tap(QQuickItem* item)
{
    if (!item || !m_window)
        return false;
    scrollIntoView(item);
    return tapAt(item->mapToScene(QPointF(item->width() / 2, item->height() / 2)));
}

bool DemoConsole::tapAt(const QPointF& centre)
{
    if (!m_window || !QRectF(0, 0, m_window->width(), m_window->height()).contains(centre))
        return false;
    // A press and release through QtGui's input path, as a finger on the touch screen produces:
    // the same path as the resident's tap (activity filter, handlers, keyboard focus). Taps are
    // spaced 1 s apart in event time so two taps never make a double click.
    static int timestamp = 0;
    timestamp += 1000;
    const QPointF global = m_window->mapToGlobal(centre);
    qt_handleMouseEvent(m_window, centre, global, Qt::LeftButton, Qt::LeftButton, QEvent::MouseButtonPress,
                        Qt::NoModifier, timestamp);
    QCoreApplication::processEvents();
    qt_handleMouseEvent(m_window, centre, global, Qt::NoButton, Qt::LeftButton, QEvent::MouseButtonRelease,
                        Qt::NoModifier, timestamp + 50);
    QCoreApplication::processEvents();
    return true;
}

void DemoConsole::doubleTap(const QString& name, int gapMs)
{
    // Two taps at the centre of NAME, gapMs apart (a tremor, an impatient finger): the second
    // lands on whatever the first one brought up.
    QQuickItem* item = findVisibleItem(name);
    if (!item || gapMs <= 0)
        return print(QStringLiteral("error double-tap needs NAME GAP_MS"));
    scrollIntoView(item);
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    tapAt(centre);
    m_waiting = true;
    QTimer::singleShot(gapMs, this, [this, centre] {
        tapAt(centre);
        m_waiting = false;
        print(QStringLiteral("ok double-tap"));
        runQueued();
    });
}

bool DemoConsole::typeOnKeyboard(const QString& text)
{
    QQuickItem* panel = findVisibleItem(QStringLiteral("inputPanel"));
    if (!panel)
        return false;
    for (const QChar ch : text) {
        QList<QQuickItem*> items;
        collectItems(panel, items);
        QQuickItem* key = nullptr;
        for (QQuickItem* i : items) {
            // The keyboard's keys carry their character in a "text" property (BaseKey).
            if (!i->property("key").isValid() || !effectivelyVisible(i))
                continue;
            const QString keyText = i->property("text").toString();
            if (keyText.compare(QString(ch), Qt::CaseInsensitive) == 0) {
                key = i;
                break;
            }
        }
        if (!key || !tap(key))
            return false;
        QCoreApplication::processEvents();
    }
    return true;
}

QStringList DemoConsole::findText(const QString& text) const
{
    QStringList hits;
    for (const QObject* o : m_inspected)
        hits << propertiesContaining(o, text);
    if (m_window) {
        QList<QQuickItem*> items;
        collectItems(m_window->contentItem(), items);
        for (const QQuickItem* i : items)
            hits << propertiesContaining(i, text);
        hits << propertiesContaining(m_window, text);
    }
    return hits;
}

namespace {

double luminance(const QColor& c)
{
    auto channel = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The colour behind `item`: the nearest opaque Rectangle among its ancestors or their
// Controls' backgrounds that covers it; the window colour otherwise.
QColor backgroundOf(const QQuickItem* item, const QQuickWindow* window)
{
    const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    for (const QQuickItem* p = item; p; p = p->parentItem()) {
        QList<const QQuickItem*> candidates;
        if (const auto* bg = qvariant_cast<QQuickItem*>(p->property("background")))
            candidates << bg;
        if (p != item)
            candidates << p;
        for (const QQuickItem* c : candidates) {
            if (!c->inherits("QQuickRectangle") || !c->isVisible())
                continue;
            const QColor colour = c->property("color").value<QColor>();
            const QRectF area = c->mapRectToScene(QRectF(0, 0, c->width(), c->height()));
            if (colour.alphaF() > 0.9 && area.contains(box.center()))
                return colour;
        }
    }
    return window->color();
}

QString describe(const QQuickItem* i)
{
    QString name = i->objectName();
    for (const QQuickItem* p = i->parentItem(); name.isEmpty() && p; p = p->parentItem())
        name = p->objectName().isEmpty() ? QString() : p->objectName() + QStringLiteral("/…");
    return QString::fromLatin1(i->metaObject()->className()).section(QLatin1Char('_'), 0, 0) +
           QLatin1Char('@') + name;
}

} // namespace

namespace {

// What of `item` can be seen: its scene rectangle cut by every clipping ancestor.
QRectF visibleSceneRect(const QQuickItem* item)
{
    QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    for (const QQuickItem* p = item->parentItem(); p && !r.isEmpty(); p = p->parentItem()) {
        if (p->clip())
            r = r.intersected(p->mapRectToScene(QRectF(0, 0, p->width(), p->height())));
    }
    return r;
}

// The text's ink box: a Text item may be wider or taller than what it draws.
QRectF textSceneRect(const QQuickItem* text)
{
    const qreal w = qMin(text->width(), text->property("contentWidth").toReal());
    const qreal h = qMin(text->height(), text->property("contentHeight").toReal());
    qreal x = 0;
    const int align = text->property("horizontalAlignment").toInt();
    if (align & Qt::AlignHCenter)
        x = (text->width() - w) / 2;
    else if (align & Qt::AlignRight)
        x = text->width() - w;
    qreal y = 0;
    const int valign = text->property("verticalAlignment").toInt();
    if (valign & Qt::AlignVCenter)
        y = (text->height() - h) / 2;
    else if (valign & Qt::AlignBottom)
        y = text->height() - h;
    QRectF r = text->mapRectToScene(QRectF(x, y, w, h));
    return r.intersected(visibleSceneRect(text));
}

// Overlays (the card-away prompt, the idle warning) lie over the screen on purpose: text is
// compared only with text of the same layer.
const QQuickItem* layerOf(const QQuickItem* item)
{
    for (const QQuickItem* p = item; p; p = p->parentItem()) {
        if (p->property("layoutLayer").toBool())
            return p;
    }
    return nullptr;
}

bool isAncestor(const QQuickItem* a, const QQuickItem* b)
{
    for (const QQuickItem* p = b->parentItem(); p; p = p->parentItem()) {
        if (p == a)
            return true;
    }
    return false;
}

} // namespace

QStringList DemoConsole::layoutProblems(qreal minTarget) const
{
    QStringList problems;
    if (!m_window)
        return {QStringLiteral("no-window")};
    // Polish and lay out what is pending, so the check sees what the next frame shows.
    m_window->grabWindow();
    QList<QQuickItem*> items;
    collectItems(m_window->contentItem(), items);
    QList<const QQuickItem*> texts;
    for (const QQuickItem* i : items) {
        if (!effectivelyVisible(i) || i->width() <= 0 || i->height() <= 0)
            continue;
        // The keyboard and the demo panel are not resident screens (Qt's and the technician's).
        bool excluded = false;
        for (const QQuickItem* p = i; p && !excluded; p = p->parentItem())
            excluded = p->objectName() == QLatin1String("inputPanel") ||
                       p->objectName() == QLatin1String("demoPanel");
        if (excluded)
            continue;
        // Laid out outside its parent (a layout that collapsed or overflowed): the parent's
        // rectangle must hold the child's, unless the parent scrolls or has no size of its own.
        if (const QQuickItem* parent = i->parentItem();
            parent && parent->width() > 0 && parent->height() > 0 && !parent->inherits("QQuickFlickable") &&
            i->inherits("QQuickText")) {
            const QRectF mine = i->mapRectToItem(parent, QRectF(0, 0, i->width(), i->height()));
            if (!QRectF(0, 0, parent->width(), parent->height()).adjusted(-1, -1, 1, 1).contains(mine) &&
                !visibleSceneRect(i).isEmpty())
                problems << QStringLiteral("outside-parent(%1,%2 %3x%4 in %5x%6):")
                                    .arg(qRound(mine.x()))
                                    .arg(qRound(mine.y()))
                                    .arg(qRound(mine.width()))
                                    .arg(qRound(mine.height()))
                                    .arg(qRound(parent->width()))
                                    .arg(qRound(parent->height())) +
                                describe(i);
        }
        if (i->inherits("QQuickText") && !i->property("text").toString().isEmpty()) {
            if (!textSceneRect(i).isEmpty())
                texts << i;
            if (i->property("truncated").toBool())
                problems << QStringLiteral("elided:") + describe(i);
            else if (i->property("wrapMode").toInt() == 0 &&
                     i->property("contentWidth").toReal() > i->width() + 1)
                problems << QStringLiteral("clipped:") + describe(i);
            const QColor fg = i->property("color").value<QColor>();
            const double ratio = contrast(fg, backgroundOf(i, m_window));
            if (ratio < 4.5)
                problems << QStringLiteral("contrast %1:").arg(ratio, 0, 'f', 2) + describe(i);
        }
        const bool interactive = i->inherits("QQuickAbstractButton") || i->inherits("QQuickTextField");
        if (interactive && i->isEnabled() && (i->width() < minTarget - 0.5 || i->height() < minTarget - 0.5))
            problems << QStringLiteral("small %1x%2:").arg(i->width()).arg(i->height()) + describe(i);
        if (interactive) {
            // What a screen reader announces (Accessible.name, or the control's text).
            QAccessibleInterface* a = QAccessible::queryAccessibleInterface(const_cast<QQuickItem*>(i));
            if (!a || a->text(QAccessible::Name).trimmed().isEmpty())
                problems << QStringLiteral("unnamed:") + describe(i);
        }
    }
    // Text drawn over other text (fields piled up after a relayout).
    for (int a = 0; a < texts.size(); ++a) {
        const QRectF ra = textSceneRect(texts[a]);
        for (int b = a + 1; b < texts.size(); ++b) {
            if (layerOf(texts[a]) != layerOf(texts[b]) || isAncestor(texts[a], texts[b]) ||
                isAncestor(texts[b], texts[a]))
                continue;
            const QRectF both = ra.intersected(textSceneRect(texts[b]));
            if (both.width() > 2 && both.height() > 2)
                problems << QStringLiteral("overlap:") + describe(texts[a]) + QLatin1Char('+') +
                                describe(texts[b]);
        }
    }
    return problems;
}

void DemoConsole::execute(const QString& line)
{
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString cmd = words.value(0);
    const QString arg = words.mid(1).join(QLatin1Char(' '));
    if (const auto extra = m_extraCommands.constFind(cmd); extra != m_extraCommands.constEnd()) {
        return print(extra.value()(arg));
    } else if (cmd == QLatin1String("place")) {
        bool ok = false;
        const int index = arg.toInt(&ok);
        if (!ok)
            return print(QStringLiteral("error place needs a card index"));
        m_demo->placeCard(index);
    } else if (cmd == QLatin1String("remove")) {
        m_demo->removeCard();
    } else if (cmd == QLatin1String("fail")) {
        m_demo->failNextRead(arg);
    } else if (cmd == QLatin1String("language")) {
        m_language->choose(arg);
    } else if (cmd == QLatin1String("elderly")) {
        m_session->setElderlyMode(arg == QLatin1String("on"));
    } else if (cmd == QLatin1String("contrast")) {
        if (!m_window)
            return print(QStringLiteral("error no window"));
        m_window->setProperty("highContrast", arg == QLatin1String("on"));
    } else if (cmd == QLatin1String("touch")) {
        m_session->userActivity();
    } else if (cmd == QLatin1String("end")) {
        m_session->endSession();
    } else if (cmd == QLatin1String("state")) {
        return print(QStringLiteral("state ") +
                     QString::fromLatin1(ResidentSession::stateKey(m_session->state())));
    } else if (cmd == QLatin1String("screen")) {
        return print(QStringLiteral("screen ") + currentScreen());
    } else if (cmd == QLatin1String("screenshot")) {
        if (!m_window)
            return print(QStringLiteral("error no window"));
        const QImage image = m_window->grabWindow();
        if (image.isNull() || !image.save(arg))
            return print(QStringLiteral("error screenshot failed"));
    } else if (cmd == QLatin1String("tap") || cmd == QLatin1String("double-tap")) {
        // The (first) tap is deliberate: it waits for the guard; double-tap's second does not.
        if (const qint64 wait = m_tapGuard ? m_tapGuard->remainingMs() : 0; wait > 0) {
            m_waiting = true; // later lines wait in order
            QTimer::singleShot(int(wait) + 1, this, [this, line] {
                m_waiting = false;
                execute(line);
                runQueued();
            });
            return;
        }
        if (cmd == QLatin1String("tap")) {
            if (!tap(findVisibleItem(arg)))
                return print(QStringLiteral("error no visible item ") + arg);
        } else {
            return doubleTap(words.value(1), words.value(2).toInt());
        }
    } else if (cmd == QLatin1String("tap-at")) {
        // A finger at a place on the glass, whatever is there now (double taps, taps during
        // a transition).
        if (words.size() != 3 || !tapAt(QPointF(words[1].toDouble(), words[2].toDouble())))
            return print(QStringLiteral("error tap-at needs X Y inside the window"));
    } else if (cmd == QLatin1String("rect")) {
        const QQuickItem* item = findVisibleItem(arg);
        if (!item)
            return print(QStringLiteral("error no visible item ") + arg);
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        return print(QStringLiteral("rect %1 %2 %3 %4")
                         .arg(qRound(r.x()))
                         .arg(qRound(r.y()))
                         .arg(qRound(r.width()))
                         .arg(qRound(r.height())));
    } else if (cmd == QLatin1String("type")) {
        if (!typeOnKeyboard(arg))
            return print(QStringLiteral("error the keyboard is not showing or lacks a key"));
    } else if (cmd == QLatin1String("journey")) {
        if (!m_journey)
            return print(QStringLiteral("error no journey"));
        const QString code = m_journey->property("receiptQueryCode").toString();
        const QString receipt = code.isEmpty() ? QStringLiteral("none")
                                : m_journey->property("receiptAcknowledged").toBool()
                                    ? QStringLiteral("acked")
                                    : QStringLiteral("pending");
        const QString step = m_journey->property("step").toString();
        return print(QStringLiteral("journey ") + (step.isEmpty() ? QStringLiteral("-") : step) +
                     QLatin1Char(' ') + receipt);
    } else if (cmd == QLatin1String("check-layout")) {
        const QStringList problems = layoutProblems(arg.isEmpty() ? 44 : arg.toDouble());
        return print(problems.isEmpty() ? QStringLiteral("layout ok")
                                        : QStringLiteral("layout %1 problems: %2")
                                              .arg(problems.size())
                                              .arg(problems.join(QLatin1Char(' '))));
    } else if (cmd == QLatin1String("find")) {
        const QStringList hits = findText(arg);
        return print(
            QStringLiteral("found %1 %2").arg(hits.size()).arg(hits.join(QLatin1Char(' '))).trimmed());
    } else if (cmd == QLatin1String("help")) {
        return print(
            QStringLiteral("commands: place N | remove | fail KEY | language zh_CN|zh_TW|en | "
                           "elderly on|off | touch | end | state | screen | screenshot FILE.png | tap NAME | "
                           "type TEXT | journey | find TEXT | quit"));
    } else if (cmd == QLatin1String("quit")) {
        print(QStringLiteral("ok quit"));
        QCoreApplication::quit();
        return;
    } else {
        return print(QStringLiteral("error unknown command ") + cmd);
    }
    print(QStringLiteral("ok ") + cmd);
}

} // namespace onewindow
