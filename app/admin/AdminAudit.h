#pragma once

#include "app/storage/AuditLog.h"

#include <functional>

namespace onewindow::admin {

// Where admin events go: the composition root hands in a function that appends to the audit log
// (on the storage thread). Empty = not audited (tests of other behaviour, the tool without a db).
using AuditSink = std::function<void(storage::AuditEvent)>;

} // namespace onewindow::admin
