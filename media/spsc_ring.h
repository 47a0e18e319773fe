#pragma once
// Bounded single-producer/single-consumer ring of fixed slots. Lock-free and
// allocation-free after construction, so the audio callback (consumer) never
// waits on the decoder thread (producer). Slots are reused in place: the
// producer fills front-of-free with acquireWrite()/commitWrite(), the consumer
// reads with peek()/pop().

#include <atomic>
#include <cstddef>
#include <memory>

namespace la::media {

template <typename T>
class SpscRing {
public:
    explicit SpscRing(size_t capacity) : slots_(std::make_unique<T[]>(capacity + 1)), size_(capacity + 1) {}

    /// Producer: a slot to fill, or nullptr when full.
    T* acquireWrite() {
        size_t w = write_.load(std::memory_order_relaxed);
        if (next(w) == read_.load(std::memory_order_acquire)) return nullptr;
        return &slots_[w];
    }
    /// Producer: publishes the slot from acquireWrite().
    void commitWrite() { write_.store(next(write_.load(std::memory_order_relaxed)), std::memory_order_release); }

    /// Consumer: the oldest filled slot, or nullptr when empty.
    T* peek() {
        size_t r = read_.load(std::memory_order_relaxed);
        if (r == write_.load(std::memory_order_acquire)) return nullptr;
        return &slots_[r];
    }
    /// Consumer: releases the slot from peek().
    void pop() { read_.store(next(read_.load(std::memory_order_relaxed)), std::memory_order_release); }

    /// Approximate fill level (exact from either side's own point of view).
    size_t size() const {
        size_t w = write_.load(std::memory_order_acquire), r = read_.load(std::memory_order_acquire);
        return (w + size_ - r) % size_;
    }
    size_t capacity() const { return size_ - 1; }

private:
    size_t next(size_t i) const { return (i + 1) % size_; }
    std::unique_ptr<T[]> slots_;
    size_t size_;
    alignas(64) std::atomic<size_t> write_{0};
    alignas(64) std::atomic<size_t> read_{0};
};

} // namespace la::media
