/* haven-feed-url.c: which URLs a feed may contain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-url"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "haven-feed-problem.h"
#include "haven-feed-url.h"

G_DEFINE_ENUM_TYPE (HavenFeedOrigin, haven_feed_origin,
                    G_DEFINE_ENUM_VALUE (HAVEN_FEED_ORIGIN_BUNDLED, "bundled"),
                    G_DEFINE_ENUM_VALUE (HAVEN_FEED_ORIGIN_REMOTE, "remote"))

G_DEFINE_ENUM_TYPE (HavenUrlUse, haven_url_use,
                    G_DEFINE_ENUM_VALUE (HAVEN_URL_USE_LINK, "link"),
                    G_DEFINE_ENUM_VALUE (HAVEN_URL_USE_IMAGE, "image"),
                    G_DEFINE_ENUM_VALUE (HAVEN_URL_USE_FEED, "feed"))

static gboolean
is_loopback_host (const char *host)
{
  /* GUri gives an IPv6 literal without its brackets. */
  return g_strcmp0 (host, "127.0.0.1") == 0 ||
         g_strcmp0 (host, "::1") == 0 ||
         g_ascii_strcasecmp (host, "localhost") == 0;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (HAVEN_FEED_ERROR, HAVEN_FEED_ERROR_INVALID, format, args);
  va_end (args);

  return FALSE;
}

/**
 * haven_feed_url_check:
 * @url: an URL from a feed
 * @use: what the URL is for
 * @origin: where the feed comes from
 * @error: return location for an error a content author can act on
 *
 * The one URL policy of Haven. Links, sources, chat and web channels and
 * feeds are `https://`; images are `https://`, or `resource:///` in the
 * bundled feed only. `http://` is allowed to 127.0.0.1, [::1] and
 * localhost, for local testing. Nothing else is ever opened: no
 * `javascript:`, `file:`, `data:`, `ftp:`… URLs are ASCII (non-ASCII
 * characters percent-encoded, international domain names in their `xn--`
 * form), at most %HAVEN_FEED_MAX_URL_LENGTH bytes, have a host, and carry
 * no user name or password, which could disguise the real host.
 *
 * Returns: %TRUE when Haven may use @url for @use
 */
gboolean
haven_feed_url_check (const char       *url,
                      HavenUrlUse       use,
                      HavenFeedOrigin   origin,
                      GError          **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  g_autoptr(GError) local_error = NULL;
  const char *host;
  gsize length;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  length = strlen (url);
  if (length == 0)
    return invalid (error, _("The URL is empty."));

  if (length > HAVEN_FEED_MAX_URL_LENGTH)
    return invalid (error, _("The URL is %u bytes long; at most %u are allowed."),
                    (guint)MIN (length, G_MAXUINT), HAVEN_FEED_MAX_URL_LENGTH);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = url[i];

      /* Backslashes and the like are not URL characters, and browsers
       * disagree about what they mean.
       */
      if (c <= ' ' || c >= 0x7f || strchr ("\\\"<>^`{|}", c) != NULL)
        return invalid (error,
                        _("The URL contains a space, a control character or a character "
                          "that is not allowed in URLs; percent-encode it."));
    }

  scheme = g_uri_peek_scheme (url);
  if (scheme == NULL)
    return invalid (error, _("This is not a complete URL; it has to start with https://."));

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    return invalid (error, _("This is not a valid URL: %s."), local_error->message);

  host = g_uri_get_host (uri);

  if (g_str_equal (scheme, "resource"))
    {
      if (use != HAVEN_URL_USE_IMAGE || origin != HAVEN_FEED_ORIGIN_BUNDLED)
        return invalid (error, _("resource:/// URLs are only allowed for images in the feed "
                                 "bundled with Haven; use https://."));

      if ((host != NULL && *host != '\0') || g_uri_get_userinfo (uri) != NULL ||
          g_uri_get_port (uri) != -1 || g_uri_get_path (uri)[0] != '/')
        return invalid (error, _("A resource URL has the form resource:///path/to/image."));

      return TRUE;
    }

  if (!g_str_equal (scheme, "https") && !g_str_equal (scheme, "http"))
    return invalid (error, _("The URL uses the %s: scheme, which Haven never opens; use https://."),
                    scheme);

  if (host == NULL || *host == '\0')
    return invalid (error, _("The URL has no host name."));

  if (g_uri_get_userinfo (uri) != NULL)
    return invalid (error, _("The URL contains a user name or password, which can disguise "
                             "where it leads; remove it."));

  if (g_str_equal (scheme, "http") && !is_loopback_host (host))
    return invalid (error, _("Plain http:// is only allowed to 127.0.0.1, [::1] or localhost, "
                             "for local testing; use https://."));

  return TRUE;
}

/**
 * haven_feed_url_is_allowed:
 * @url: an URL from a feed
 * @use: what the URL is for
 * @origin: where the feed comes from
 *
 * See haven_feed_url_check().
 *
 * Returns: %TRUE when Haven may use @url for @use
 */
gboolean
haven_feed_url_is_allowed (const char      *url,
                           HavenUrlUse      use,
                           HavenFeedOrigin  origin)
{
  g_return_val_if_fail (url != NULL, FALSE);

  return haven_feed_url_check (url, use, origin, NULL);
}
