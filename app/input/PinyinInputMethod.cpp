#include "app/input/PinyinInputMethod.h"

#include "app/input/KeyboardSetup.h"
#include "app/input/PinyinEngine.h"
#include "app/input/ScriptConverter.h"

#include <QtVirtualKeyboard/QVirtualKeyboardInputContext>

namespace onewindow::input {

namespace {

using Mode = QVirtualKeyboardInputEngine::InputMode;
using ListType = QVirtualKeyboardSelectionListModel::Type;
using Role = QVirtualKeyboardSelectionListModel::Role;

// Live instances, so the session wipe reaches whichever one the keyboard currently holds.
QList<PinyinInputMethod*>& liveInstances()
{
    static QList<PinyinInputMethod*> instances;
    return instances;
}

} // namespace

PinyinInputMethod::PinyinInputMethod(QObject* parent)
    : QVirtualKeyboardAbstractInputMethod(parent), m_engine(sharedEngine())
{
    liveInstances().append(this);
}

PinyinInputMethod::~PinyinInputMethod()
{
    liveInstances().removeAll(this);
    if (m_engine)
        m_engine->reset();
}

QList<QVirtualKeyboardInputEngine::InputMode> PinyinInputMethod::inputModes(const QString&)
{
    return {Mode::Pinyin, Mode::Latin};
}

bool PinyinInputMethod::setInputMode(const QString& locale, QVirtualKeyboardInputEngine::InputMode inputMode)
{
    commitFirstCandidate();
    m_mode = inputMode == Mode::Latin ? Mode::Latin : Mode::Pinyin;
    const bool traditional = locale.startsWith(QLatin1String("zh_TW")) && sharedTraditionalConverter();
    if (traditional != m_traditional) {
        m_traditional = traditional;
        emit traditionalChanged();
    }
    return true;
}

bool PinyinInputMethod::setTextCase(QVirtualKeyboardInputEngine::TextCase)
{
    return true;
}

bool PinyinInputMethod::keyEvent(Qt::Key key, const QString& text, Qt::KeyboardModifiers modifiers)
{
    if (m_mode != Mode::Pinyin || !m_engine || (modifiers & ~Qt::ShiftModifier))
        return false;
    const bool composing = m_engine->isComposing();
    const bool isLetter = key >= Qt::Key_A && key <= Qt::Key_Z && text.size() == 1;
    if (isLetter || (key == Qt::Key_Apostrophe && composing)) {
        if (m_engine->appendLetter(isLetter ? text.at(0) : QLatin1Char('\'')))
            refresh(true);
        return true; // an unreadable letter is dropped; what was typed stays
    }
    if (!composing)
        return false;
    switch (key) {
    case Qt::Key_Backspace:
        m_engine->backspace();
        refresh(true);
        return true;
    case Qt::Key_Space:
        commitFirstCandidate();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const QString letters = m_engine->spelling();
        clearComposition();
        commitText(letters); // Enter keeps the letters themselves (e.g. a Latin name)
        return true;
    }
    default:
        // Punctuation or digits end the composition with the best candidate, then go through.
        commitFirstCandidate();
        return false;
    }
}

QList<QVirtualKeyboardSelectionListModel::Type> PinyinInputMethod::selectionLists()
{
    return {ListType::WordCandidateList};
}

int PinyinInputMethod::selectionListItemCount(QVirtualKeyboardSelectionListModel::Type)
{
    return static_cast<int>(pageSlots().size());
}

QVariant PinyinInputMethod::selectionListData(QVirtualKeyboardSelectionListModel::Type type, int index,
                                              QVirtualKeyboardSelectionListModel::Role role)
{
    const QList<Slot> slotList = pageSlots();
    if (index < 0 || index >= slotList.size())
        return QVirtualKeyboardAbstractInputMethod::selectionListData(type, index, role);
    const Slot slot = slotList.at(index);
    switch (role) {
    case Role::Display:
        if (slot.kind == Item::Previous)
            return QStringLiteral("‹ 上一页");
        if (slot.kind == Item::Next)
            return QStringLiteral("下一页 ›");
        return shown(m_engine->candidate(slot.candidate));
    case Role::WordCompletionLength:
        return 0;
    default:
        return QVirtualKeyboardAbstractInputMethod::selectionListData(type, index, role);
    }
}

void PinyinInputMethod::selectionListItemSelected(QVirtualKeyboardSelectionListModel::Type, int index)
{
    const QList<Slot> slotList = pageSlots();
    if (!m_engine || index < 0 || index >= slotList.size())
        return;
    const Slot slot = slotList.at(index);
    if (slot.kind != Item::Candidate) {
        m_page += slot.kind == Item::Next ? 1 : -1;
        emit pageChanged();
        refresh(false);
        return;
    }
    const PinyinEngine::Choice choice = m_engine->choose(slot.candidate);
    if (choice.completed) {
        clearComposition();
        commitText(choice.text);
    } else {
        refresh(true);
    }
}

void PinyinInputMethod::setPageSize(int size)
{
    size = std::clamp(size, 1, 20);
    if (size == m_pageSize)
        return;
    m_pageSize = size;
    emit pageSizeChanged();
    refresh(true);
}

void PinyinInputMethod::wipeAll()
{
    for (PinyinInputMethod* method : liveInstances())
        method->clearComposition();
    if (PinyinEngine* engine = sharedEngine())
        engine->wipe();
}

void PinyinInputMethod::reset()
{
    clearComposition();
}

void PinyinInputMethod::update()
{
    // The cursor moved or focus changed: keep what was being typed (the best candidate).
    commitFirstCandidate();
}

QList<PinyinInputMethod::Slot> PinyinInputMethod::pageSlots() const
{
    QList<Slot> slotList;
    if (!m_engine || !m_engine->isComposing())
        return slotList;
    const int count = m_engine->candidateCount();
    const int first = m_page * m_pageSize;
    if (m_page > 0)
        slotList.append({Item::Previous, -1});
    for (int i = first; i < std::min(first + m_pageSize, count); ++i)
        slotList.append({Item::Candidate, i});
    if (first + m_pageSize < count)
        slotList.append({Item::Next, -1});
    return slotList;
}

void PinyinInputMethod::commitText(const QString& text)
{
    if (text.isEmpty())
        return;
    const QString out = shown(text);
    if (QVirtualKeyboardInputContext* context = inputContext())
        context->commit(out);
    emit committed(out);
    emit InputSession::instance().committed(out);
}

void PinyinInputMethod::commitFirstCandidate()
{
    if (!m_engine || !m_engine->isComposing())
        return;
    const QString best = m_engine->candidate(0);
    clearComposition();
    commitText(best);
}

void PinyinInputMethod::refresh(bool resetPage)
{
    if (resetPage && m_page != 0) {
        m_page = 0;
        emit pageChanged();
    }
    if (QVirtualKeyboardInputContext* context = inputContext())
        context->setPreeditText(m_engine ? shown(m_engine->preedit()) : QString());
    emit selectionListChanged(ListType::WordCandidateList);
    const bool composing = m_engine && m_engine->isComposing();
    emit selectionListActiveItemChanged(ListType::WordCandidateList, composing ? (m_page > 0 ? 1 : 0) : -1);
}

void PinyinInputMethod::clearComposition()
{
    if (m_engine)
        m_engine->reset();
    refresh(true);
}

QString PinyinInputMethod::shown(const QString& simplified) const
{
    const ScriptConverter* converter = m_traditional ? sharedTraditionalConverter() : nullptr;
    return converter ? converter->convert(simplified) : simplified;
}

} // namespace onewindow::input
