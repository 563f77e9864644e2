#include "app/ui/LanguageController.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QQmlEngine>

namespace onewindow {

Q_LOGGING_CATEGORY(lcLanguage, "onewindow.ui.language")

namespace {
const QStringList kLanguages = {QStringLiteral("zh_CN"), QStringLiteral("zh_TW"), QStringLiteral("en")};
}

LanguageController::LanguageController(QString kioskDefault, QObject* parent)
    : QObject(parent), m_kioskDefault(kLanguages.contains(kioskDefault) ? kioskDefault : kLanguages.first())
{
    apply(m_kioskDefault);
}

LanguageController::~LanguageController()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

QStringList LanguageController::languages() const
{
    return kLanguages;
}

QString LanguageController::fontFamily() const
{
    // Noto Sans CJK covers Latin too; the TC cut uses Taiwan's glyph forms.
    return m_language == QLatin1String("zh_TW") ? QStringLiteral("Noto Sans CJK TC")
                                                : QStringLiteral("Noto Sans CJK SC");
}

QString LanguageController::nativeName(const QString& code) const
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("zh_TW"))
        return QStringLiteral("繁體中文");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

void LanguageController::choose(const QString& code)
{
    if (apply(code))
        m_residentChose = true;
}

void LanguageController::applyDocumentDefault(DocumentType type)
{
    if (!m_residentChose)
        apply(defaultFor(type));
}

void LanguageController::resetForNextResident()
{
    m_residentChose = false;
    apply(m_kioskDefault);
}

QString LanguageController::defaultFor(DocumentType type)
{
    switch (type) {
    case DocumentType::Resident:
        return QStringLiteral("zh_CN");
    case DocumentType::HmtPermit:
        return QStringLiteral("zh_TW");
    case DocumentType::Foreign2017:
    case DocumentType::Foreign2023:
        return QStringLiteral("en");
    }
    return QStringLiteral("zh_CN");
}

bool LanguageController::apply(const QString& code)
{
    if (!kLanguages.contains(code)) {
        qCWarning(lcLanguage) << "unsupported language" << code;
        return false;
    }
    if (code == m_language)
        return true;
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    // English is the source language; its catalogue carries only the plural forms.
    auto translator = std::make_unique<QTranslator>();
    if (translator->load(QStringLiteral(":/i18n/onewindow_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    } else {
        qCWarning(lcLanguage) << "no translation file for" << code;
    }
    m_language = code;
    if (m_engine)
        m_engine->retranslate();
    Q_EMIT languageChanged();
    return true;
}

} // namespace onewindow
