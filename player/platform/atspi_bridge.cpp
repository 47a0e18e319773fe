#include "player/platform/atspi_bridge.h"

#include "player/platform/atspi_glib_wait.h"
#include "player/platform/atspi_mirror.h"
#include "player/platform/atspi_object.h"

#include <atk-bridge.h>
#include <atk/atk.h>

#include <cstdlib>

namespace la::player {
namespace {

// AtkUtil's hooks are plain functions without a context pointer.
AtkObject* g_root = nullptr;

AtkObject* root() { return g_root; }
const gchar* toolkitName() { return "ListenAlong"; }
const gchar* toolkitVersion() { return "1"; }

} // namespace

struct AtSpiBridge::State {
    AtspiShared shared;
    AtspiMirror mirror;
    explicit State(const std::string& appName) : mirror(appName, &shared) {}
};

AtSpiBridge::AtSpiBridge(std::unique_ptr<State> state) : state_(std::move(state)) {}

std::unique_ptr<AtSpiBridge> AtSpiBridge::start(const std::string& appName, std::string& error) {
    if (g_root) {
        error = "an AT-SPI bridge is already running in this process";
        return nullptr;
    }
    // Without a session bus the bridge would try D-Bus autolaunch (dbus-launch
    // under X), slow and rarely wanted; no session means no screen reader.
    if (!std::getenv("DBUS_SESSION_BUS_ADDRESS")) {
        error = "no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set)";
        return nullptr;
    }
    auto state = std::make_unique<State>(appName);
    g_root = state->mirror.root();
    // The bridge asks for the root as it starts: the hooks go in first.
    auto* util = ATK_UTIL_CLASS(g_type_class_ref(ATK_TYPE_UTIL));
    util->get_root = root;
    util->get_toolkit_name = toolkitName;
    util->get_toolkit_version = toolkitVersion;
    if (const int rc = atk_bridge_adaptor_init(nullptr, nullptr); rc != 0) {
        error = "atk_bridge_adaptor_init failed (" + std::to_string(rc) + ")";
        g_root = nullptr;
        return nullptr;
    }
    return std::unique_ptr<AtSpiBridge>(new AtSpiBridge(std::move(state)));
}

AtSpiBridge::~AtSpiBridge() {
    atk_bridge_adaptor_cleanup();
    g_root = nullptr;
}

void AtSpiBridge::update(const ui::SemanticTree& tree) { state_->mirror.update(tree); }

void AtSpiBridge::windowActivated() { state_->mirror.windowActivated(); }

void AtSpiBridge::setWindowOrigin(int x, int y) {
    state_->shared.windowX = x;
    state_->shared.windowY = y;
}

std::vector<ui::SemanticRequest> AtSpiBridge::takeRequests() {
    std::vector<ui::SemanticRequest> taken;
    taken.swap(state_->shared.requests);
    return taken;
}

bool AtSpiBridge::wait(int timeoutMs, const std::vector<int>& extraFds) {
    return waitInGlibPoll(timeoutMs, extraFds, [this] { return !state_->shared.requests.empty(); });
}

} // namespace la::player
