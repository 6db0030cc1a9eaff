/* cst-core.h
 *
 * Copyright 2026 The Chushuitong Desktop authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cst-clock.h"
#include "cst-mask.h"
#include "cst-normalize.h"
#include "cst-password-policy.h"
#include "cst-validate.h"
