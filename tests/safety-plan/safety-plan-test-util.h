/* safety-plan-test-util.h: plans whose every field says which version it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "haven-safety-plan.h"

G_BEGIN_DECLS

HavenSafetyPlan *safety_plan_test_new_version   (guint            version);
gboolean         safety_plan_test_get_version   (HavenSafetyPlan *plan,
                                                 guint           *version);

G_END_DECLS
