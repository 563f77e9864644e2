#pragma once

#include <QString>
#include <QStringList>

namespace onewindow::phone {

// Phone numbers by region with libphonenumber (Debian libphonenumber-dev). Regions are ISO
// 3166 alpha-2 codes as libphonenumber uses them ("CN", "HK", "MO", "TW", "US", …) and "ZZ" for
// "another country": then the typed digits start with the country code.
//
// The library's metadata is loaded on first use (≈ 6 ms, plus ≈ 6 ms for the first checks while
// its regexes compile): warmUp() does that on a pool thread after the first frame
// (docs/performance.md), so neither the start-up nor the first phone field pays for it.
inline constexpr const char* kOtherRegion = "ZZ";

void warmUp();

// The country calling code of a region (86, 852, …); 0 for "ZZ" or an unknown region.
int countryCodeFor(const QString& region);
// True for a region libphonenumber knows (or "ZZ").
bool isKnownRegion(const QString& region);

struct PhoneCheck
{
    bool valid = false;
    QString e164;    // "+85291234567"; for an invalid entry "+" + country code + the digits typed
    QString display; // formatted for the resident ("+852 9123 4567"); the digits typed when invalid
    QString region;  // the region the number belongs to (what the error message names)
};

// The digits a resident typed in `region`'s national format (a leading trunk 0 as in Taiwan's
// 09xx… is fine). Only digits count; anything else typed is dropped.
PhoneCheck checkTyped(const QString& region, const QString& typed);
// A stored value: E.164 ("+852…"), or bare digits, read as a mainland number (older records).
PhoneCheck checkStored(const QString& value);

// The national digits of a stored E.164 value, to edit it again in `region`'s format.
QString nationalDigits(const QString& e164);

} // namespace onewindow::phone
