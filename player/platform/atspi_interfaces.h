#pragma once
// The ATK interfaces our objects implement (atspi_object.h), filled in when a
// type with them is registered. Signatures are GInterfaceInitFunc's.

#include <glib-object.h>

namespace la::player {

void initAtspiComponent(gpointer iface, gpointer);
void initAtspiAction(gpointer iface, gpointer);
void initAtspiValue(gpointer iface, gpointer);
void initAtspiText(gpointer iface, gpointer);
void initAtspiWindow(gpointer iface, gpointer);

} // namespace la::player
