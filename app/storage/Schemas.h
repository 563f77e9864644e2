#pragma once

#include "app/storage/Migrations.h"

namespace onewindow::storage {

// The numbered migrations of the three files (DESIGN.md §6). Append new steps; never edit
// a released one.
const QList<Migration>& outboxMigrations();
const QList<Migration>& cacheMigrations();
const QList<Migration>& auditMigrations();

} // namespace onewindow::storage
