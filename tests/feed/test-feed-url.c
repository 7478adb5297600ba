/* test-feed-url.c: the URL policy, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "haven-feed-url.h"

#define LINK   HAVEN_URL_USE_LINK
#define IMAGE  HAVEN_URL_USE_IMAGE
#define FEED   HAVEN_URL_USE_FEED
#define BUNDLED HAVEN_FEED_ORIGIN_BUNDLED
#define REMOTE HAVEN_FEED_ORIGIN_REMOTE

typedef struct
{
  const char      *url;
  HavenUrlUse      use;
  HavenFeedOrigin  origin;
  gboolean         allowed;
} UrlCase;

static const UrlCase url_cases[] = {
  /* https is always fine */
  { "https://www.samaritans.org/", LINK, REMOTE, TRUE },
  { "https://www.samaritans.org/", LINK, BUNDLED, TRUE },
  { "https://example.org/hero.png", IMAGE, REMOTE, TRUE },
  { "https://havenwellbeing.github.io/feed/v1/feed.json", FEED, REMOTE, TRUE },
  { "HTTPS://WWW.SAMARITANS.ORG/", LINK, REMOTE, TRUE },
  { "https://example.org:8443/path?query=1#fragment", LINK, REMOTE, TRUE },
  { "https://xn--bcher-kva.example/", LINK, REMOTE, TRUE },
  { "https://example.org/%C3%BC", LINK, REMOTE, TRUE },

  /* http only to loopback, for local testing */
  { "http://127.0.0.1:8080/feed.json", FEED, REMOTE, TRUE },
  { "http://[::1]:8080/feed.json", FEED, REMOTE, TRUE },
  { "http://localhost/feed.json", FEED, REMOTE, TRUE },
  { "http://LOCALHOST/", LINK, REMOTE, TRUE },
  { "http://localhost:8080/hero.png", IMAGE, REMOTE, TRUE },
  { "http://www.samaritans.org/", LINK, REMOTE, FALSE },
  { "http://www.samaritans.org/", LINK, BUNDLED, FALSE },
  { "http://127.0.0.2/", LINK, REMOTE, FALSE },
  { "http://127.1/", LINK, REMOTE, FALSE },
  { "http://localhost.evil.example/", LINK, REMOTE, FALSE },
  { "http://localhost@evil.example/", LINK, REMOTE, FALSE },
  { "http://[::2]/", LINK, REMOTE, FALSE },
  { "http://0.0.0.0/", LINK, REMOTE, FALSE },

  /* resource:/// only for images of the bundled feed */
  { "resource:///io/github/havenwellbeing/Haven/feed/images/hero.svg", IMAGE, BUNDLED, TRUE },
  { "resource:///io/github/havenwellbeing/Haven/feed/images/hero.svg", IMAGE, REMOTE, FALSE },
  { "resource:///io/github/havenwellbeing/Haven/feed/feed.json", LINK, BUNDLED, FALSE },
  { "resource:///io/github/havenwellbeing/Haven/feed/feed.json", FEED, BUNDLED, FALSE },
  { "resource://host/image.png", IMAGE, BUNDLED, FALSE },

  /* never */
  { "javascript:alert(1)", LINK, REMOTE, FALSE },
  { "javascript:alert(1)", LINK, BUNDLED, FALSE },
  { "JaVaScRiPt:alert(1)", LINK, BUNDLED, FALSE },
  { "file:///etc/passwd", LINK, BUNDLED, FALSE },
  { "file:///home/user/.ssh/id_rsa", IMAGE, BUNDLED, FALSE },
  { "data:text/html,<script>alert(1)</script>", LINK, REMOTE, FALSE },
  { "data:image/png;base64,iVBORw0KGgo=", IMAGE, BUNDLED, FALSE },
  { "ftp://ftp.example.org/file", LINK, REMOTE, FALSE },
  { "mailto:jo@samaritans.org", LINK, REMOTE, FALSE },
  { "tel:116123", LINK, REMOTE, FALSE },
  { "sms:85258", LINK, REMOTE, FALSE },
  { "vbscript:msgbox(1)", LINK, REMOTE, FALSE },
  { "about:blank", LINK, REMOTE, FALSE },
  { "blob:https://example.org/uuid", LINK, REMOTE, FALSE },
  { "ws://localhost/", LINK, REMOTE, FALSE },
  { "wss://example.org/", LINK, REMOTE, FALSE },
  { "intent://scan/#Intent;scheme=zxing;end", LINK, REMOTE, FALSE },

  /* not URLs Haven can trust */
  { "", LINK, REMOTE, FALSE },
  { "www.samaritans.org", LINK, REMOTE, FALSE },
  { "//www.samaritans.org/", LINK, REMOTE, FALSE },
  { "/relative/path", LINK, REMOTE, FALSE },
  { "https://", LINK, REMOTE, FALSE },
  { "https:///path", LINK, REMOTE, FALSE },
  { "https://www.samaritans.org@evil.example/", LINK, REMOTE, FALSE },
  { "https://user:password@example.org/", LINK, REMOTE, FALSE },
  { "https://exa mple.org/", LINK, REMOTE, FALSE },
  { "https://example.org/\n", LINK, REMOTE, FALSE },
  { " https://example.org/", LINK, REMOTE, FALSE },
  { "https://example.org\\@evil.example/", LINK, REMOTE, FALSE },
  { "https://bücher.example/", LINK, REMOTE, FALSE },
  { "https://example.org/%zz", LINK, REMOTE, FALSE },
  { "https://example.org:99999/", LINK, REMOTE, FALSE },
  { "https://example.org/<script>", LINK, REMOTE, FALSE },
};

static void
test_url_policy_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      const UrlCase *c = &url_cases[i];
      g_autoptr(GError) error = NULL;
      gboolean allowed;

      allowed = haven_feed_url_is_allowed (c->url, c->use, c->origin);
      if (allowed != c->allowed)
        g_error ("“%s” (use %d, origin %d): expected %s, got %s",
                 c->url, c->use, c->origin,
                 c->allowed ? "allowed" : "refused", allowed ? "allowed" : "refused");

      /* The checking variant agrees, and says why it refuses. */
      g_assert_cmpint (haven_feed_url_check (c->url, c->use, c->origin, &error), ==, allowed);
      if (allowed)
        g_assert_no_error (error);
      else
        g_assert_error (error, HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID);
    }
}

static void
test_url_policy_too_long (void)
{
  g_autoptr(GString) url = g_string_new ("https://example.org/");

  while (url->len < HAVEN_FEED_MAX_URL_LENGTH)
    g_string_append_c (url, 'a');
  g_assert_true (haven_feed_url_is_allowed (url->str, LINK, REMOTE));

  g_string_append_c (url, 'a');
  g_assert_false (haven_feed_url_is_allowed (url->str, LINK, REMOTE));
}

static void
test_url_policy_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (haven_feed_url_check ("javascript:alert(1)", LINK, REMOTE, &error));
  g_assert_nonnull (strstr (error->message, "javascript:"));
  g_clear_error (&error);

  g_assert_false (haven_feed_url_check ("http://example.org/", LINK, REMOTE, &error));
  g_assert_nonnull (strstr (error->message, "127.0.0.1, [::1] or localhost"));
  g_clear_error (&error);

  g_assert_false (haven_feed_url_check ("resource:///x.png", IMAGE, REMOTE, &error));
  g_assert_nonnull (strstr (error->message, "bundled"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/url/policy-table", test_url_policy_table);
  g_test_add_func ("/feed/url/too-long", test_url_policy_too_long);
  g_test_add_func ("/feed/url/messages", test_url_policy_messages);

  return g_test_run ();
}
