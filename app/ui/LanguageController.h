#pragma once

#include "drivers/idcard/Identity.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QTranslator>
#include <memory>

namespace onewindow {

// The resident's language: zh_CN, zh_TW or en (source texts are English). Switches at run
// time by swapping the translator and re-evaluating every qsTr binding.
class LanguageController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)
    Q_PROPERTY(QString fontFamily READ fontFamily NOTIFY languageChanged)
public:
    explicit LanguageController(QString kioskDefault, QObject* parent = nullptr);
    ~LanguageController() override;

    void setEngine(QQmlEngine* engine) { m_engine = engine; }

    QString language() const { return m_language; }
    QStringList languages() const;
    QString fontFamily() const;
    // The language's own name ("简体中文", "繁體中文", "English"), never translated.
    Q_INVOKABLE QString nativeName(const QString& code) const;

    // The resident picked a language: it wins over the document's default for this session.
    Q_INVOKABLE void choose(const QString& code);
    // A document was read: switch to its default unless the resident already chose.
    void applyDocumentDefault(DocumentType type);
    // Session over: back to the kiosk default, forget the resident's choice.
    void resetForNextResident();

    static QString defaultFor(DocumentType type);
    bool apply(const QString& code);

Q_SIGNALS:
    void languageChanged();

private:
    QString m_kioskDefault;
    QString m_language;
    bool m_residentChose = false;
    std::unique_ptr<QTranslator> m_translator;
    QPointer<QQmlEngine> m_engine;
};

} // namespace onewindow
