#pragma once

#include "app/catalog/FormSchema.h"

#include <QMap>
#include <QVariantList>
#include <QVariantMap>

namespace onewindow {

// The form's phone fields (issue 19 item 8): per field the region chosen in the country-code
// picker and the digits typed on the digit pad. The form stores the E.164 composition
// ("+85291234567"), the screen shows it formatted ("+852 9123 4567"). Typed values only:
// bound fields never reach here.
class PhoneFields
{
public:
    // A new form: every phone field starts in `defaultRegion` with nothing typed.
    void start(const catalog::FormSchema& form, const QString& defaultRegion);
    bool isPhone(const QString& key) const { return m_fields.contains(key); }

    // The digits typed in the field's region; returns the value to store (E.164, or empty).
    QString setDigits(const QString& key, const QString& typed);
    // A region from the picker; false (and nothing changes) for one the picker does not offer.
    // The digits stay: store setDigits(key, digits(key)) again to recompose them.
    bool setRegion(const QString& key, const QString& region);
    QString digits(const QString& key) const { return m_fields.value(key).digits; }

    // For the field map: phoneRegion, phoneRegions [{code, label}], and value = the typed digits.
    void decorate(const QString& key, QVariantMap* field) const;
    // key → {display, region, valid} for the screens (changes with every digit).
    QVariantMap states() const;

    void wipe();

    static QString regionLabel(const QString& region); // "+852 Hong Kong", translated
    // A stored number masked with its country code kept: "+86 138****8000", "+852 ****4567".
    static QString masked(const QString& stored);

private:
    struct Entry
    {
        QString region;
        QString digits;
    };
    QString m_defaultRegion;
    QStringList m_choices;
    QMap<QString, Entry> m_fields;
};

} // namespace onewindow
