#include "app/storage/StorageLog.h"

namespace onewindow {
Q_LOGGING_CATEGORY(lcStorage, "onewindow.storage")
} // namespace onewindow
