#pragma once
// Runs a task every `interval_ms` on its own thread until stopped (background jobs of `serve`:
// overdue escalation, retention). A failed run is simply tried again at the next tick.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace antoan {

class PeriodicTask {
 public:
  PeriodicTask(std::function<void()> task, std::int64_t interval_ms)
      : task_(std::move(task)), interval_ms_(interval_ms) {}
  ~PeriodicTask() { stop(); }
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;
  void start();
  void stop();

 private:
  std::function<void()> task_;
  std::int64_t interval_ms_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
};

}  // namespace antoan
