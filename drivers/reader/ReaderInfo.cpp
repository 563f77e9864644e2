#include "drivers/reader/ReaderInfo.h"

namespace onewindow {

const char* ReaderInfo::statusKey(Status s)
{
    switch (s) {
    case Status::Ready:
        return "ready";
    case Status::CardPresent:
        return "card_present";
    case Status::Unsupported:
        return "unsupported";
    case Status::Failed:
        return "failed";
    }
    return "failed";
}

const char* readErrorKey(ReadError e)
{
    switch (e) {
    case ReadError::CardMoved:
        return "card_moved";
    case ReadError::CardUnreadable:
        return "card_unreadable";
    case ReadError::UnsupportedDocument:
        return "unsupported_document";
    case ReadError::InconsistentData:
        return "inconsistent_data";
    case ReadError::ReaderFailure:
        return "reader_failure";
    case ReadError::Timeout:
        return "timeout";
    }
    return "reader_failure";
}

} // namespace onewindow
