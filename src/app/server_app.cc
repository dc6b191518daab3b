#include "app/server_app.h"

#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "accounts/account_service.h"
#include "accounts/authenticator.h"
#include "accounts/routes.h"
#include "app/openapi.h"
#include "attachments/attachment_service.h"
#include "attachments/routes.h"
#include "cases/case_service.h"
#include "cases/routes.h"
#include "coordination/case_hooks.h"
#include "coordination/deadline_service.h"
#include "coordination/link_service.h"
#include "coordination/overdue_job.h"
#include "coordination/referral_service.h"
#include "coordination/routes.h"
#include "coordination/routing_rules.h"
#include "core/periodic_task.h"
#include "notify/delivery_worker.h"
#include "retention/retention_service.h"
#include "retention/routes.h"
#include "notify/routes.h"
#include "notify/webhook_service.h"
#include "http/server.h"
#include "intake/intake_service.h"
#include "intake/reporter_service.h"
#include "intake/routes.h"
#include "orgs/routes.h"
#include "orgs/seed.h"
#include "orgs/service.h"
#include "scam/check_routes.h"
#include "scam/check_setup.h"
#include "scam/data_paths.h"
#include "scam/feedback_routes.h"
#include "scam/registry.h"
#include "scam/registry_routes.h"
#include "scam/indicators.h"
#include "hotspots/daily_job.h"
#include "hotspots/routes.h"
#include "housing/housing_service.h"
#include "housing/routes.h"
#include "demo/demo.h"
#include "security/field_crypto.h"
#include "security/rate_limiter.h"
#include "store/db.h"

namespace antoan::app {
namespace {

http::Server* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}

std::string default_key_file(const std::string& db) {
  auto dir = std::filesystem::path(db).parent_path();
  return (dir.empty() ? std::filesystem::path(".") : dir).append("antoan.key").string();
}

void register_health(http::Router& router, store::Db& db) {
  router.add(
      "GET", "/api/v1/health",
      [&db](http::Request&) -> Result<http::Response> {
        ANTOAN_ASSIGN(auto rows, db.query("SELECT count(*) FROM schema_migrations"));
        return http::Response::json({{"status", "ok"}, {"migrations", rows[0].i64(0)}});
      },
      {http::Access::open}, "Liveness and database check");
}

}  // namespace

bool ServeOptions::job_enabled(const std::string& name) const {
  if (background_jobs) return true;
  for (const auto& j : jobs)
    if (j == name) return true;
  return false;
}

Status run_server(const ServeOptions& options) {
  if (options.clock_offset_ms != 0) set_clock_offset_ms(options.clock_offset_ms);
  auto parent = std::filesystem::path(options.db).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  ANTOAN_ASSIGN(std::unique_ptr<store::Db> db, store::open_db(options.db));
  std::string key_file = options.key_file.empty() ? default_key_file(options.db) : options.key_file;
  ANTOAN_ASSIGN(security::FieldCrypto crypto, security::FieldCrypto::open_or_create(key_file));
  ANTOAN_TRY(orgs::seed_reference_data(*db));

  http::Router router;
  register_health(router, *db);
  // -- services and routes of each capability: register routes here --
  accounts::AccountService account_service(*db);
  router.set_authenticator(accounts::make_authenticator(account_service));
  accounts::register_account_routes(router, account_service);
  orgs::OrgService org_service(*db);
  orgs::register_org_routes(router, org_service);

  intake::IntakeService intake_service(*db, org_service, crypto);
  intake::ReporterService reporter_service(*db, crypto);
  security::RateLimiter receipt_limiter({.capacity = 30, .refill_per_second = 0.2, .max_keys = 100000});
  intake::register_intake_routes(router, intake_service, reporter_service, receipt_limiter);

  cases::CaseService case_service(*db, crypto);
  cases::register_case_routes(router, case_service);
  cases::AnswerService answer_service(*db);
  cases::register_answer_routes(router, answer_service);

  // Coordination: routing-rule editor, referrals and joint cases, links, deadlines and
  // escalation. New cases get due times and a "case.created" notification in their own
  // transaction; reporter replies notify too.
  ANTOAN_TRY(coordination::seed_deadlines(*db));
  coordination::RoutingRuleService routing_rules(*db, org_service);
  coordination::ReferralService referral_service(*db);
  coordination::LinkService link_service(*db);
  coordination::DeadlineService deadline_service(*db);
  coordination::OverdueService overdue_service(*db);
  coordination::register_coordination_routes(
      router, {routing_rules, referral_service, link_service, deadline_service, overdue_service});
  intake_service.add_hook(intake::IntakeHook{
      [](store::Tx& tx, const intake::ReportInput&, std::int64_t case_id) -> Status {
        return coordination::on_case_created(tx, case_id);
      },
      nullptr});
  reporter_service.set_reply_hook(coordination::on_reporter_reply);
  attachments::AttachmentService attachment_service(*db);
  attachments::register_attachment_routes(
      router, attachment_service,
      [&reporter_service](const std::string& receipt) { return reporter_service.case_for(receipt); }, receipt_limiter);
  notify::WebhookService webhook_service(*db, crypto);
  notify::register_notify_routes(router, webhook_service);

  // Scam shield: the registry index (scam part 1 registers its routes on this same registry)
  // and the checker, which consults it for every indicator it finds.
  ANTOAN_ASSIGN(std::unique_ptr<scam::Registry> scam_registry, scam::Registry::load(*db));
  ANTOAN_ASSIGN(std::unique_ptr<scam::Checker> scam_checker_base,
                scam::Checker::load(scam::default_scam_data_dir() + "/patterns.tsv",
                                    scam::default_scam_data_dir() + "/model.bin"));
  std::unique_ptr<scam::Checker> scam_checker =
      scam_checker_base->with_registry(scam::make_registry_lookup(*scam_registry));
  scam::register_check_routes(router, *scam_checker);
  scam::register_registry_routes(router, *scam_registry);
  // "This verdict was wrong" (anonymous) and the officers' review into the retraining set.
  security::RateLimiter feedback_limiter({.capacity = 20, .refill_per_second = 0.05, .max_keys = 100000});
  scam::FeedbackService feedback_service(*db, *scam_checker, *scam_registry,
                                         [&crypto](std::string_view s) { return crypto.keyed_hash(s); });
  scam::register_feedback_routes(router, feedback_service, feedback_limiter);
  // Scam and illegal-lending reports feed the registry as "reported" in the report's own
  // transaction; the in-memory index follows after the commit.
  auto feeds_registry = [](const intake::ReportInput& in) {
    return in.category == "scam" || in.category == "illegal_lending";
  };
  intake_service.add_hook(intake::IntakeHook{
      [feeds_registry](store::Tx& tx, const intake::ReportInput& in, std::int64_t case_id) -> Status {
        if (!feeds_registry(in)) return {};
        return scam::record_reported(tx, scam::extract_indicators(in.description), case_id);
      },
      [feeds_registry, &scam_registry](const intake::ReportInput& in, std::int64_t) {
        if (feeds_registry(in)) (void)scam_registry->apply_committed(scam::extract_indicators(in.description));
      }});

  hotspots::register_hotspot_routes(router, *db);
  retention::RetentionService retention_service(*db);
  retention::register_retention_routes(router, retention_service);

  // Boarding houses and self-management teams; a report naming a house must name a real one.
  housing::HousingService housing_service(*db, org_service, crypto, intake_service);
  intake_service.add_hook(housing::make_house_check_hook());
  housing::register_housing_routes(router, housing_service);

  register_openapi_route(router);

  if (!options.tile_origin.empty() && !http::is_plain_origin(options.tile_origin))
    return Error::invalid("tile-origin", "--tile-origin phải có dạng https://máy-chủ",
                          "--tile-origin must be https://host[:port] and nothing else");
  http::ServerOptions server_options{options.host, options.port, options.threads, options.static_dir,
                                     options.trust_proxy, options.tile_origin};
  http::Server server(router, server_options);
  ANTOAN_ASSIGN(int port, server.bind());
  g_server = &server;
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGPIPE, SIG_IGN);
  // -- background jobs start here --
  hotspots::HotspotScheduler hotspot_scheduler(*db, hotspots::ScanOptions{});
  if (options.job_enabled("hotspots")) hotspot_scheduler.start();
  notify::DeliveryWorker delivery_worker(*db, crypto, {.backoff_base_ms = options.webhook_backoff_ms});
  if (options.job_enabled("outbox")) delivery_worker.start();
  PeriodicTask overdue_scheduler([&overdue_service] { (void)overdue_service.run(); }, options.overdue_interval_ms);
  if (options.job_enabled("overdue")) overdue_scheduler.start();
  constexpr std::int64_t kRetentionIntervalMs = 6 * 3600 * 1000;  // a few times a day; each run is bounded
  PeriodicTask retention_job([&retention_service] { (void)retention_service.run(now_ms()); }, kRetentionIntervalMs);
  if (options.job_enabled("retention")) retention_job.start();
  std::printf("antoan: listening on http://%s:%d (db %s)\n", options.host.c_str(), port, options.db.c_str());
  std::printf("%s", demo::describe_demo_logins(*db).c_str());
  std::fflush(stdout);
  server.serve();
  g_server = nullptr;
  // -- background jobs stop here --
  hotspot_scheduler.stop();
  delivery_worker.stop();
  overdue_scheduler.stop();
  retention_job.stop();
  db->close();
  return {};
}

}  // namespace antoan::app
