#include "store/sqlite/sqlite_db.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "store/sqlite/connection.h"

namespace antoan::store::sqlite {
namespace {

// A queued write function and the slot its status is returned in.
struct WriteJob {
  const TxFn* fn;
  Status status;
  bool done = false;
};

class SqliteDb final : public Db {
 public:
  SqliteDb(std::string path, std::unique_ptr<Connection> writer) : path_(std::move(path)), writer_(std::move(writer)) {
    thread_ = std::thread([this] { writer_loop(); });
  }
  ~SqliteDb() override { close(); }

  Backend backend() const override { return Backend::sqlite; }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    ANTOAN_ASSIGN(auto conn, acquire_reader());
    auto rows = conn->query(sql, params);
    release_reader(std::move(conn));
    return rows;
  }

  Status read(const TxFn& fn) override {
    ANTOAN_ASSIGN(auto conn, acquire_reader());
    Status st = conn->exec_script("BEGIN");
    if (st.ok()) {
      st = fn(*conn);
      (void)conn->exec_script("COMMIT");
    }
    release_reader(std::move(conn));
    return st;
  }

  Status write(const TxFn& fn) override {
    WriteJob job{&fn, {}, false};
    std::unique_lock lock(mu_);
    if (stopping_) return Error::make(ErrorCode::unavailable, "Hệ thống đang dừng", "Database is closing");
    queue_.push_back(&job);
    work_cv_.notify_one();
    done_cv_.wait(lock, [&] { return job.done; });
    return std::move(job.status);
  }

  void close() override {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
      stopping_ = true;
    }
    work_cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(pool_mu_);
    readers_.clear();
    writer_.reset();
  }

 private:
  Result<std::unique_ptr<Connection>> acquire_reader() {
    {
      std::lock_guard lock(pool_mu_);
      if (!readers_.empty()) {
        auto conn = std::move(readers_.back());
        readers_.pop_back();
        return conn;
      }
    }
    return Connection::open(path_, /*writer=*/false);
  }
  void release_reader(std::unique_ptr<Connection> conn) {
    std::lock_guard lock(pool_mu_);
    if (readers_.size() < 64) readers_.push_back(std::move(conn));
  }

  // Group commit: take every queued job, run each in its own savepoint inside one
  // transaction, commit once (one fsync), then wake all of them.
  void writer_loop() {
    std::unique_lock lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      std::deque<WriteJob*> batch;
      batch.swap(queue_);
      lock.unlock();
      run_batch(batch);
      lock.lock();
      for (WriteJob* job : batch) job->done = true;
      done_cv_.notify_all();
    }
  }

  void run_batch(std::deque<WriteJob*>& batch) {
    Status begin = writer_->exec_script("BEGIN IMMEDIATE");
    if (!begin.ok()) {
      for (WriteJob* job : batch) job->status = begin.error();
      return;
    }
    for (WriteJob* job : batch) {
      (void)writer_->exec_script("SAVEPOINT job");
      try {
        job->status = (*job->fn)(*writer_);
      } catch (const std::exception& e) {  // a throwing write function must not kill the writer
        job->status = Error::internal(std::string("write function threw: ") + e.what());
      }
      if (!job->status.ok()) (void)writer_->exec_script("ROLLBACK TO job");
      (void)writer_->exec_script("RELEASE job");
    }
    Status commit = writer_->exec_script("COMMIT");
    if (!commit.ok()) {
      (void)writer_->exec_script("ROLLBACK");
      for (WriteJob* job : batch)
        if (job->status.ok()) job->status = commit.error();
    }
  }

  std::string path_;
  std::unique_ptr<Connection> writer_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<WriteJob*> queue_;
  bool stopping_ = false;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> readers_;
};

}  // namespace

Result<std::unique_ptr<Db>> open_sqlite(const std::string& path) {
  ANTOAN_ASSIGN(auto writer, Connection::open(path, /*writer=*/true));
  return std::unique_ptr<Db>(std::make_unique<SqliteDb>(path, std::move(writer)));
}

}  // namespace antoan::store::sqlite
