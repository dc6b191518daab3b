#include "core/periodic_task.h"

#include <chrono>

namespace antoan {

void PeriodicTask::start() {
  stopping_ = false;
  thread_ = std::thread([this] {
    while (!stopping_) {
      task_();
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stopping_.load(); });
    }
  });
}

void PeriodicTask::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace antoan
