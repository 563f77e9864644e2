#include "app/sync/SyncLog.h"

namespace onewindow {
Q_LOGGING_CATEGORY(lcSync, "onewindow.sync")
} // namespace onewindow
