/* haven-feed-update-error.c: what went wrong with a feed update, in words a reader can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "haven-feed-updater"

#include "config.h"

#include <glib/gi18n.h>

#include "haven-feed-update-error.h"
#include "haven-feed-updater.h"

G_DEFINE_QUARK (haven-feed-update-error-quark, haven_feed_update_error)

/**
 * haven_feed_update_error_from_network:
 * @error: what GIO, GTLS, the resolver or libsoup reported
 * @host: the server
 * @body_size: how much of the feed came, or -1 if none of it yet
 *
 * Returns: (transfer full): the error, in a sentence a reader can act on
 */
GError *
haven_feed_update_error_from_network (const GError *error,
                                      const char   *host,
                                      gssize        body_size)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_TIMED_OUT,
                        _("The server %s did not answer in time. Haven will try again later."),
                        host);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_TLS,
                        _("Haven could not verify that it is talking to %s (%s), so it did not "
                          "download anything. Check the system’s date and time, or ask the feed’s "
                          "publisher to fix the server’s certificate."),
                        host, error->message);

  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED))
    return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_OFFLINE,
                        _("Haven is offline or %s cannot be reached (%s). Check the network "
                          "connection."),
                        host, error->message);

  if (body_size >= 0)
    return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_TRUNCATED,
                        _("The download from %s broke off after %u bytes: %s."),
                        host, (guint)body_size, error->message);

  return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_NETWORK,
                      _("The download from %s failed: %s."), host, error->message);
}

/**
 * haven_feed_update_error_for_feed:
 * @download: the feed's download
 * @error: how it failed
 * @host: the server, after the redirects followed
 *
 * Returns: (transfer full): the error, in a sentence a reader can act on
 */
GError *
haven_feed_update_error_for_feed (HavenDownload *download,
                                  const GError  *error,
                                  const char    *host)
{
  if (error->domain != HAVEN_DOWNLOAD_ERROR)
    {
      gboolean reading = haven_download_get_status (download) == SOUP_STATUS_OK;

      return haven_feed_update_error_from_network (error, host,
                                                   reading ? (gssize)haven_download_get_body_size (download) : -1);
    }

  switch ((HavenDownloadError)error->code)
    {
    case HAVEN_DOWNLOAD_ERROR_INVALID_URL:
      return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_REFUSED_URL,
                          _("“%s” is not a feed address Haven can open."),
                          haven_download_get_url (download));
    case HAVEN_DOWNLOAD_ERROR_NO_LOCATION:
      return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_HTTP,
                          _("The server %s sent a redirect without a destination."), host);
    case HAVEN_DOWNLOAD_ERROR_TOO_MANY_REDIRECTS:
      return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_HTTP,
                          _("The server %s redirected more than %u times."),
                          host, HAVEN_FEED_UPDATER_MAX_REDIRECTS);
    case HAVEN_DOWNLOAD_ERROR_REFUSED_REDIRECT:
      return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_REFUSED_URL,
                          _("The server %s redirected to %s, which Haven does not open: %s"),
                          host, haven_download_get_response_header (download, "Location"),
                          error->message);
    case HAVEN_DOWNLOAD_ERROR_TOO_LARGE_ANNOUNCED:
    case HAVEN_DOWNLOAD_ERROR_TOO_LARGE:
      {
        g_autofree char *limit = g_format_size (haven_download_get_max_size (download));

        if (error->code == HAVEN_DOWNLOAD_ERROR_TOO_LARGE_ANNOUNCED)
          return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_TOO_LARGE,
                              /* Translators: the second %s is a size such as "8.4 MB" */
                              _("The feed at %s is larger than %s, the most Haven accepts, so Haven did not download it."),
                              host, limit);

        return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_TOO_LARGE,
                            /* Translators: the second %s is a size such as "8.4 MB" */
                            _("The feed at %s is larger than %s, the most Haven accepts, so Haven stopped the download."),
                            host, limit);
      }
    case HAVEN_DOWNLOAD_ERROR_TRUNCATED:
      {
        g_autofree char *got = g_format_size (haven_download_get_n_received (download));
        g_autofree char *expected = g_format_size (haven_download_get_content_length (download));

        return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_TRUNCATED,
                            /* Translators: the sizes read like "12.3 kB" */
                            _("The download from %s broke off after %s of %s."),
                            host, got, expected);
      }
    case HAVEN_DOWNLOAD_ERROR_UNSUPPORTED_ENCODING:
      return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_HTTP,
                          _("The server %s sent the feed encoded as “%s”, which Haven did not ask "
                            "for and cannot read."),
                          host, haven_download_get_content_encoding (download));
    case HAVEN_DOWNLOAD_ERROR_DAMAGED_ENCODING:
      return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_INVALID,
                          _("The server %s sent a damaged compressed feed, so Haven kept the "
                            "content it has."),
                          host);
    case HAVEN_DOWNLOAD_ERROR_TRAILING_DATA:
      return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_INVALID,
                          _("The server %s sent more data after the end of the compressed feed, so "
                            "Haven kept the content it has."),
                          host);
    case HAVEN_DOWNLOAD_ERROR_ENCODING_TRUNCATED:
      return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_TRUNCATED,
                          _("The compressed feed from %s ends too early, so Haven kept the content "
                            "it has."),
                          host);
    default:
      return haven_feed_update_error_from_network (error, host, -1);
    }
}

/**
 * haven_feed_update_error_for_signature:
 * @download: the download of the signature beside the feed
 * @error: how it failed
 * @host: the server the feed came from
 * @feed_size: the size of the feed, downloaded before
 *
 * Returns: (transfer full): the error, in a sentence a reader can act on
 */
GError *
haven_feed_update_error_for_signature (HavenDownload *download,
                                       const GError  *error,
                                       const char    *host,
                                       gsize          feed_size)
{
  if (g_error_matches (error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_INVALID_URL))
    return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_REFUSED_URL,
                        _("“%s” is not an address Haven can open."), haven_download_get_url (download));

  if (g_error_matches (error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_NO_LOCATION) ||
      g_error_matches (error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_TOO_MANY_REDIRECTS))
    return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_HTTP,
                        _("The server %s redirected the feed’s signature nowhere or too often."),
                        host);

  if (g_error_matches (error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_REFUSED_REDIRECT))
    return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_REFUSED_URL,
                        _("The server %s redirected the feed’s signature to %s, which Haven does "
                          "not open: %s"),
                        host, haven_download_get_response_header (download, "Location"),
                        error->message);

  if (g_error_matches (error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_TOO_LARGE) ||
      g_error_matches (error, HAVEN_DOWNLOAD_ERROR, HAVEN_DOWNLOAD_ERROR_TOO_LARGE_ANNOUNCED))
    return g_error_new (HAVEN_FEED_UPDATE_ERROR, HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE,
                        _("The signature file beside the feed at %s is far too large to be a "
                          "signature, so Haven kept the content it has."),
                        host);

  /* The feed is all in: a network error now still cuts the update short. */
  return haven_feed_update_error_from_network (error, host, feed_size);
}

/**
 * haven_feed_update_error_get_summary:
 * @error: an error from haven_feed_updater_update_finish()
 *
 * Returns: a short sentence for a status line, such as “Couldn’t update:
 *   the server sent an invalid feed.”; the error's message has the detail
 */
const char *
haven_feed_update_error_get_summary (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != HAVEN_FEED_UPDATE_ERROR)
    return _("Couldn’t update.");

  switch ((HavenFeedUpdateError)error->code)
    {
    case HAVEN_FEED_UPDATE_ERROR_OFFLINE:
      return _("Offline.");
    case HAVEN_FEED_UPDATE_ERROR_TIMED_OUT:
      return _("Couldn’t update: the server did not answer in time.");
    case HAVEN_FEED_UPDATE_ERROR_TLS:
      return _("Couldn’t update: the server’s identity could not be verified.");
    case HAVEN_FEED_UPDATE_ERROR_NETWORK:
    case HAVEN_FEED_UPDATE_ERROR_TRUNCATED:
      return _("Couldn’t update: the download broke off.");
    case HAVEN_FEED_UPDATE_ERROR_HTTP:
      return _("Couldn’t update: the server did not send the feed.");
    case HAVEN_FEED_UPDATE_ERROR_REFUSED_URL:
      return _("Couldn’t update: the feed address is not allowed.");
    case HAVEN_FEED_UPDATE_ERROR_TOO_LARGE:
      return _("Couldn’t update: the feed is too large.");
    case HAVEN_FEED_UPDATE_ERROR_INVALID:
      return _("Couldn’t update: the server sent an invalid feed.");
    case HAVEN_FEED_UPDATE_ERROR_UNSUPPORTED_VERSION:
      return _("Couldn’t update: the feed needs a newer version of Haven.");
    case HAVEN_FEED_UPDATE_ERROR_OLDER:
      return _("Couldn’t update: the server sent older content.");
    case HAVEN_FEED_UPDATE_ERROR_STORE:
      return _("Couldn’t update: the content could not be saved.");
    case HAVEN_FEED_UPDATE_ERROR_FUTURE:
      return _("Couldn’t update: the feed is dated in the future.");
    case HAVEN_FEED_UPDATE_ERROR_REMOVES_HELP:
      return _("Couldn’t update: the feed would remove emergency numbers or crisis lines.");
    case HAVEN_FEED_UPDATE_ERROR_UNSIGNED:
      return _("Couldn’t update: the feed is not signed.");
    case HAVEN_FEED_UPDATE_ERROR_BAD_SIGNATURE:
      return _("Couldn’t update: the feed does not match its signature.");
    case HAVEN_FEED_UPDATE_ERROR_UNTRUSTED_KEY:
      return _("Couldn’t update: the feed is signed with a key Haven does not trust.");
    case HAVEN_FEED_UPDATE_ERROR_METERED:
      return _("Not updated: the connection is metered.");
    default:
      return _("Couldn’t update.");
    }
}
