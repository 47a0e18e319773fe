#pragma once
// A brief on-screen confirmation of a change the user made without looking
// at the control that shows it: a speed key ("Speed 1.5×"), Copy ("Copied"),
// a text-size key ("Text 150 %"). Shown for a moment, then gone.

#include <string>

namespace la::player {

class Toast {
public:
    static constexpr double kSeconds = 1.8;

    void show(std::string text, double now) {
        text_ = std::move(text);
        until_ = now + kSeconds;
    }
    /// The text to show at `now` ("" once it has expired).
    const std::string& text(double now) const { return now < until_ ? text_ : none_; }

private:
    std::string text_, none_;
    double until_ = -1;
};

} // namespace la::player
