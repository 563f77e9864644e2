#pragma once

#include <QtVirtualKeyboard/QVirtualKeyboardAbstractInputMethod>

namespace onewindow::input {

class PinyinEngine;
class ScriptConverter;

// The Qt Virtual Keyboard input method for pinyin (DESIGN.md §11, issue 10). Modes: Pinyin
// (letters compose, the candidate bar converts) and Latin (letters go straight to the field:
// the 中/英 key). Candidates are shown one page at a time with "‹ 上一页" / "下一页 ›" items so
// every item stays a large touch target. In the zh_TW layout candidates and commits are
// converted to traditional characters.
//
// A C++ subclass rather than a QML InputMethod: the selection-list model API
// (selectionListData, selectionListItemSelected) is fully available to C++ on Qt 6.4 and the
// engine stays unit-testable without QML.
class PinyinInputMethod : public QVirtualKeyboardAbstractInputMethod
{
    Q_OBJECT
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
    Q_PROPERTY(int page READ page NOTIFY pageChanged)
    Q_PROPERTY(bool traditional READ traditional NOTIFY traditionalChanged)

public:
    explicit PinyinInputMethod(QObject* parent = nullptr);
    ~PinyinInputMethod() override;

    QList<QVirtualKeyboardInputEngine::InputMode> inputModes(const QString& locale) override;
    bool setInputMode(const QString& locale, QVirtualKeyboardInputEngine::InputMode inputMode) override;
    bool setTextCase(QVirtualKeyboardInputEngine::TextCase textCase) override;
    bool keyEvent(Qt::Key key, const QString& text, Qt::KeyboardModifiers modifiers) override;

    QList<QVirtualKeyboardSelectionListModel::Type> selectionLists() override;
    int selectionListItemCount(QVirtualKeyboardSelectionListModel::Type type) override;
    QVariant selectionListData(QVirtualKeyboardSelectionListModel::Type type, int index,
                               QVirtualKeyboardSelectionListModel::Role role) override;
    void selectionListItemSelected(QVirtualKeyboardSelectionListModel::Type type, int index) override;

    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);
    int page() const { return m_page; }
    bool traditional() const { return m_traditional; }

    // Drops composing text and candidates in every live instance and wipes the engine.
    static void wipeAll();

public Q_SLOTS:
    void reset() override;
    void update() override;

Q_SIGNALS:
    void pageSizeChanged();
    void pageChanged();
    void traditionalChanged();
    // Text the resident committed, for voice guidance (speak the chosen candidate).
    void committed(const QString& text);

private:
    enum class Item
    {
        Previous,
        Candidate,
        Next
    };
    struct Slot
    {
        Item kind;
        int candidate; // engine index when kind == Candidate
    };
    QList<Slot> pageSlots() const;
    void commitText(const QString& text);
    void commitFirstCandidate();
    void refresh(bool resetPage);
    void clearComposition();
    QString shown(const QString& simplified) const;

    PinyinEngine* m_engine = nullptr;
    QVirtualKeyboardInputEngine::InputMode m_mode = QVirtualKeyboardInputEngine::InputMode::Pinyin;
    int m_pageSize = 6;
    int m_page = 0;
    bool m_traditional = false;
};

} // namespace onewindow::input
