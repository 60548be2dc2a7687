/* SPDX-License-Identifier: MIT */
/* labels.c: what slmgr.vbs, ospp.vbs and PowerShell print, as data: one table of rows (field,
 * language, text as Windows prints it) and one of licence state words. Readers never compare
 * against literal text of their own: a new language is a new block of rows here, each block
 * naming where its texts come from, or rows added at run time (ex_labels_add). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "labels.h"

#define SL EX_FMT_SLMGR
#define OS EX_FMT_OSPP
#define CI EX_FMT_CIM
#define SLE EX_FMT_SLMGR_ERROR

/* Canonical field names, by enum ex_label: what readers, findings and --labels files use.
 * Arrays, not pointers, like every table here (labels.h says why); "" for none. */
static const char label_names[EXL_LABEL_COUNT][32] = {
    [EXL_NONE] = "none", [EXL_OTHER] = "other",
    [EXL_SERVICE_VERSION] = "service-version", [EXL_NAME] = "name",
    [EXL_DESCRIPTION] = "description", [EXL_ACTIVATION_ID] = "activation-id",
    [EXL_EXTENDED_PID] = "extended-pid", [EXL_KEY_CHANNEL] = "key-channel",
    [EXL_PARTIAL_KEY] = "partial-key", [EXL_TRUSTED_TIME] = "trusted-time",
    [EXL_SKU_ID] = "sku-id", [EXL_LICENSE_STATUS] = "license-status",
    [EXL_STATUS_REASON] = "status-reason", [EXL_VOLUME_EXPIRATION] = "volume-expiration",
    [EXL_TIME_REMAINING] = "time-remaining", [EXL_TIMEBASED_EXPIRATION] = "timebased-expiration",
    [EXL_REMAINING_GRACE] = "remaining-grace", [EXL_WINDOWS_REARM] = "windows-rearm-count",
    [EXL_SKU_REARM] = "sku-rearm-count", [EXL_APP_REARM] = "app-rearm-count",
    [EXL_KMS_CLIENT_HEADER] = "kms-client-header", [EXL_CMID] = "cmid",
    [EXL_DNS_DISCOVERY] = "dns-auto-discovery", [EXL_REGISTERED_KMS] = "registered-kms",
    [EXL_REGISTERED_PORT] = "registered-kms-port", [EXL_KMS_FROM_DNS] = "kms-from-dns",
    [EXL_KMS_IP] = "kms-ip", [EXL_KMS_PID] = "kms-pid",
    [EXL_ACTIVATION_INTERVAL] = "activation-interval", [EXL_RENEWAL_INTERVAL] = "renewal-interval",
    [EXL_HOST_CACHING] = "host-caching", [EXL_KMS_ENABLED] = "kms-enabled",
    [EXL_CURRENT_COUNT] = "current-count", [EXL_LISTENING_PORT] = "listening-port",
    [EXL_DNS_PUBLISHING] = "dns-publishing", [EXL_KMS_PRIORITY] = "kms-priority",
    [EXL_IS_KMS_HOST] = "is-kms-host", [EXL_REQUIRED_COUNT] = "required-count",
    [EXL_ERROR] = "error", [EXL_ERROR_DESCRIPTION] = "error-description",
    [EXL_ACTIVATING] = "activating", [EXL_ACTIVATED_OK] = "activated",
    [EXL_SKMS_SET] = "kms-name-set", [EXL_XPR_VOLUME] = "xpr-volume",
    [EXL_XPR_PERMANENT] = "xpr-permanent", [EXL_XPR_TIMEBASED] = "xpr-timebased",
    [EXL_XPR_GRACE] = "xpr-grace", [EXL_XPR_NOTIFICATION] = "xpr-notification",
    [EXL_TIME_WRITTEN] = "time-written", [EXL_ERROR_HOST] = "error-host",
    [EXL_BANNER] = "banner", [EXL_KEY_INSTALLED] = "key-installed",
    [EXL_KEY_UNINSTALLED] = "key-uninstalled", [EXL_COMMAND_OK] = "command-completed",
    [EXL_LICENSE_INSTALLED] = "license-installed", [EXL_ACT_ATTEMPT] = "activation-attempt",
    [EXL_NO_KEYS] = "no-keys-installed", [EXL_SUBSCRIPTION_TYPE] = "subscription-type",
    [EXL_SUBSCRIPTION_TYPE_VALUE] = "subscription-type-value",
    [EXL_SUBSCRIPTION_STATUS] = "subscription-status",
    [EXL_SUBSCRIPTION_STATUS_VALUE] = "subscription-status-value",
    [EXL_SUBSCRIPTION_ACTIVE] = "subscription-active",
    [EXL_SUBSCRIPTION_INVALID] = "subscription-invalid",
    [EXL_AD_OBJECT_NAME] = "activation-object", [EXL_AD_OBJECT_DN] = "activation-object-dn",
    [EXL_AD_CSVLK_PID] = "ad-csvlk-pid", [EXL_AD_CSVLK_SKU_ID] = "ad-csvlk-sku-id",
    [EXL_ACT_FAILED] = "ato-failed", [EXL_NON_GENUINE] = "ato-non-genuine",
    [EXL_NON_GENUINE_NOTIFICATION] = "ato-non-genuine-notification",
    [EXL_SETTING_APPLIED] = "setting-applied", [EXL_NO_KMS_LICENSES] = "no-kms-licenses",
    [EXL_SERVICE_DOWN] = "licensing-service-down",
};

const char *ex_label_name(enum ex_label label)
{
    return (unsigned)label < EXL_LABEL_COUNT && label_names[label][0] ? label_names[label] : "none";
}

enum ex_label ex_label_named(const char *name)
{
    for (int i = EXL_OTHER; i < EXL_LABEL_COUNT; i++)
        if (label_names[i][0] && strcmp(label_names[i], name) == 0)
            return (enum ex_label)i;
    return EXL_NONE;
}

/* The rows, one block per language and tool. English texts are those of slmgr.vbs and
 * ospp.vbs themselves (their L_Msg and MSG_ string constants) and of the WMI classes'
 * property names. A language block appended below names its source (a Windows slmgr.ini, a
 * public paste's URL) in its opening comment.
 * A row: { field, "language", "text as Windows prints it", formats, EX_LABEL or EX_PHRASE }.
 * Its texts are held in the row (labels.h: EX_LABEL_LANG_MAX, EX_LABEL_TEXT_MAX bytes with the
 * terminating NUL), so a text too long for them fails the build; raise the bound then. */
static const struct ex_label_row rows[] = {
    /* slmgr.vbs /dli, /dlv: Windows 7 to 11, Server 2008 R2 to 2025 */
    { EXL_SERVICE_VERSION, "en", "Software licensing service version", SL, EX_LABEL },
    { EXL_NAME, "en", "Name", SL | CI, EX_LABEL },
    { EXL_DESCRIPTION, "en", "Description", SL | CI, EX_LABEL },
    { EXL_ACTIVATION_ID, "en", "Activation ID", SL, EX_LABEL },
    { EXL_OTHER, "en", "Application ID", SL, EX_LABEL },
    { EXL_EXTENDED_PID, "en", "Extended PID", SL, EX_LABEL },
    { EXL_KEY_CHANNEL, "en", "Product Key Channel", SL, EX_LABEL },
    { EXL_OTHER, "en", "Installation ID", SL, EX_LABEL },
    { EXL_OTHER, "en", "Processor Certificate URL", SL, EX_LABEL },
    { EXL_OTHER, "en", "Machine Certificate URL", SL, EX_LABEL },
    { EXL_OTHER, "en", "Use License URL", SL, EX_LABEL },
    { EXL_OTHER, "en", "Product Key Certificate URL", SL, EX_LABEL },
    { EXL_OTHER, "en", "Validation URL", SL, EX_LABEL },
    { EXL_PARTIAL_KEY, "en", "Partial Product Key", SL, EX_LABEL },
    { EXL_LICENSE_STATUS, "en", "License Status", SL | OS, EX_LABEL },
    { EXL_STATUS_REASON, "en", "Notification Reason", SL, EX_LABEL },
    { EXL_VOLUME_EXPIRATION, "en", "Volume activation expiration", SL, EX_LABEL },
    { EXL_TIME_REMAINING, "en", "Time remaining", SL, EX_LABEL },
    { EXL_TIMEBASED_EXPIRATION, "en", "Timebased activation expiration", SL, EX_LABEL },
    { EXL_WINDOWS_REARM, "en", "Remaining Windows rearm count", SL, EX_LABEL },
    { EXL_SKU_REARM, "en", "Remaining SKU rearm count", SL, EX_LABEL },
    { EXL_APP_REARM, "en", "Remaining App rearm count", SL, EX_LABEL },
    { EXL_TRUSTED_TIME, "en", "Trusted time", SL, EX_LABEL },
    { EXL_KMS_CLIENT_HEADER, "en", "Key Management Service client information", SL, EX_PHRASE },
    { EXL_CMID, "en", "Client Machine ID (CMID)", SL, EX_LABEL },
    { EXL_DNS_DISCOVERY, "en", "DNS auto-discovery", SL | OS, EX_LABEL },
    { EXL_REGISTERED_KMS, "en", "Registered KMS machine name", SL, EX_LABEL },
    { EXL_KMS_FROM_DNS, "en", "KMS machine name from DNS", SL | OS, EX_LABEL },
    { EXL_KMS_IP, "en", "KMS machine IP address", SL, EX_LABEL },
    { EXL_KMS_PID, "en", "KMS machine extended PID", SL, EX_LABEL },
    { EXL_ACTIVATION_INTERVAL, "en", "Activation interval", SL | OS, EX_LABEL },
    { EXL_RENEWAL_INTERVAL, "en", "Renewal interval", SL | OS, EX_LABEL },
    { EXL_HOST_CACHING, "en", "KMS host caching is", SL, EX_PHRASE },
    { EXL_KMS_ENABLED, "en", "Key Management Service is enabled on this machine", SL, EX_PHRASE },
    { EXL_CURRENT_COUNT, "en", "Current count", SL, EX_LABEL },
    { EXL_LISTENING_PORT, "en", "Listening on Port", SL, EX_LABEL },
    { EXL_DNS_PUBLISHING, "en", "DNS publishing", SL, EX_PHRASE },
    { EXL_KMS_PRIORITY, "en", "KMS priority", SL, EX_LABEL },
    { EXL_OTHER, "en", "Key Management Service cumulative requests received", SL, EX_PHRASE },
    { EXL_OTHER, "en", "Total requests received", SL, EX_LABEL },
    { EXL_OTHER, "en", "Failed requests received", SL, EX_LABEL },
    { EXL_OTHER, "en", "Requests with License Status", SL, EX_PHRASE },
    { EXL_OTHER, "en", "Automatic VM Activation client information", SL, EX_PHRASE },
    { EXL_OTHER, "en", "Guest IAID", SL, EX_LABEL },
    { EXL_OTHER, "en", "Host machine name", SL, EX_LABEL },
    { EXL_OTHER, "en", "Activation time", SL, EX_LABEL },
    { EXL_OTHER, "en", "Host Digital PID2", SL, EX_LABEL },
    /* /dlv of Windows 8 and later (and of Office products through it), as in
     * https://github.com/massgravel/Microsoft-Activation-Scripts/issues/71 and /77 */
    { EXL_OTHER, "en", "Configured Activation Type", SL, EX_LABEL },
    { EXL_OTHER, "en", "Most recent activation information", SL, EX_PHRASE },
    /* slmgr.vbs /ato, /ipk, /skms and /xpr: one-line results */
    { EXL_ERROR, "en", "Error", SL, EX_LABEL },
    { EXL_ACTIVATING, "en", "Activating", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "en", "Product activated successfully", SL, EX_PHRASE },
    /* ospp's "Installed product key detected - ..." opens like slmgr's /ipk result: the
     * longer text comes first and is none of slmgr's */
    { EXL_OTHER, "en", "Installed product key detected", SL, EX_PHRASE },
    { EXL_KEY_INSTALLED, "en", "Installed product key", SL, EX_PHRASE },
    { EXL_KEY_UNINSTALLED, "en", "Uninstalled product key successfully", SL, EX_PHRASE },
    { EXL_COMMAND_OK, "en", "Command completed successfully", SL, EX_PHRASE },
    { EXL_OTHER, "en", "Please restart the system for the changes to take effect", SL, EX_PHRASE },
    { EXL_LICENSE_INSTALLED, "en", "License files re-installed successfully", SL, EX_PHRASE },
    { EXL_SKMS_SET, "en", "Key Management Service machine name set to", SL, EX_PHRASE },
    { EXL_XPR_VOLUME, "en", "Volume activation will expire", SL, EX_PHRASE },
    /* Automatic VM activation (L_MsgLicenseStatusAVMA, _AVMA_1): renewed from the Hyper-V host
     * as a KMS client is from its host; its /dlv clock is days, not KMS's 180, so not judged */
    { EXL_XPR_VOLUME, "en", "Automatic VM activation will expire", SL, EX_PHRASE },
    { EXL_OTHER, "en", "Automatic VM activation expiration", SL, EX_LABEL },
    { EXL_XPR_PERMANENT, "en", "The machine is permanently activated", SL, EX_PHRASE },
    { EXL_XPR_TIMEBASED, "en", "Timebased activation will expire", SL, EX_PHRASE },
    { EXL_XPR_GRACE, "en", "Initial grace period ends", SL, EX_PHRASE },
    { EXL_XPR_GRACE, "en", "Additional grace period ends", SL, EX_PHRASE },
    { EXL_XPR_GRACE, "en", "Extended grace period ends", SL, EX_PHRASE },
    /* /xpr's non-genuine grace is LicenseStatus 4 in words: critical, not another grace */
    { EXL_NON_GENUINE, "en", "Non-genuine grace period ends", SL, EX_PHRASE },
    { EXL_XPR_NOTIFICATION, "en", "Windows is in Notification mode", SL, EX_PHRASE },
    /* slmgr.vbs's words after its "Error: " (L_MsgErrorText_8): /ato's verdict on the state
     * the product is left in (L_MsgActivated_Failed; L_MsgErrorText_11 for LicenseStatus 4,
     * L_MsgErrorText_12 for 5 with reason SL_E_NOT_GENUINE) and no product or key to act on
     * (L_MsgErrorProductNotFound, L_MsgErrorPKey). Looked up in an Error line's value only. */
    { EXL_ACT_FAILED, "en", "Product activation failed", SLE, EX_PHRASE },
    { EXL_NON_GENUINE, "en", "The machine is running within the non-genuine grace period", SLE,
      EX_PHRASE },
    { EXL_NON_GENUINE_NOTIFICATION, "en",
      "Windows is running within the non-genuine notification period", SLE, EX_PHRASE },
    { EXL_NO_KEYS, "en", "product key not found", SLE, EX_PHRASE },
    { EXL_NO_KEYS, "en", "product not found", SLE, EX_PHRASE },
    /* slmgr.vbs's settings, as each option's success line prints it (L_MsgKmsNameCleared,
     * L_MsgKmsLookupDomainSet/Cleared, L_MsgClearedPKey, L_MsgKmsPortSet, L_MsgRenewalSet,
     * L_MsgActivationSet, L_MsgVLActivationTypeSet, L_MsgKmsPriSetToLow/Normal), and /atp's
     * (L_MsgConfID: the confirmation ID deposited activates the product) */
    { EXL_SETTING_APPLIED, "en", "Key Management Service machine name cleared successfully", SL,
      EX_PHRASE },
    { EXL_SETTING_APPLIED, "en", "Key Management Service lookup domain set to", SL, EX_PHRASE },
    { EXL_SETTING_APPLIED, "en", "Key Management Service lookup domain cleared successfully", SL,
      EX_PHRASE },
    { EXL_SETTING_APPLIED, "en", "Product key from registry cleared successfully", SL, EX_PHRASE },
    { EXL_SETTING_APPLIED, "en", "KMS port set to", SL, EX_PHRASE },
    { EXL_SETTING_APPLIED, "en", "Volume renewal interval set to", SL, EX_PHRASE },
    { EXL_SETTING_APPLIED, "en", "Volume activation interval set to", SL, EX_PHRASE },
    { EXL_SETTING_APPLIED, "en", "Volume activation type set successfully", SL, EX_PHRASE },
    { EXL_SETTING_APPLIED, "en", "KMS priority set to", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "en", "Confirmation ID for product", SL, EX_PHRASE },
    /* Windows Script Host's banner before slmgr.vbs and ospp.vbs output under cscript */
    { EXL_BANNER, "en", "Microsoft (R) Windows Script Host Version", SL | OS, EX_PHRASE },
    { EXL_BANNER, "en", "Copyright (C) Microsoft Corporation", SL | OS, EX_PHRASE },
    /* ospp.vbs /dstatus, /dstatusall, /act, /inpkey, /inslic (Office 2010 to 2024) */
    { EXL_SKU_ID, "en", "SKU ID", OS, EX_LABEL },
    { EXL_NAME, "en", "LICENSE NAME", OS, EX_LABEL },
    { EXL_DESCRIPTION, "en", "LICENSE DESCRIPTION", OS, EX_LABEL },
    { EXL_OTHER, "en", "BETA EXPIRATION", OS, EX_LABEL },
    { EXL_ERROR, "en", "ERROR CODE", OS, EX_LABEL },
    { EXL_ERROR_DESCRIPTION, "en", "ERROR DESCRIPTION", OS, EX_LABEL },
    { EXL_REMAINING_GRACE, "en", "REMAINING GRACE", OS, EX_LABEL },
    { EXL_PARTIAL_KEY, "en", "Last 5 characters of installed product key", OS, EX_LABEL },
    { EXL_OTHER, "en", "Activation Type Configuration", OS, EX_LABEL },
    { EXL_REGISTERED_KMS, "en", "KMS machine registry override defined", OS, EX_LABEL },
    { EXL_HOST_CACHING, "en", "KMS host caching", OS, EX_LABEL },
    { EXL_OTHER, "en", "PRODUCT ID", OS, EX_LABEL },
    { EXL_OTHER, "en", "KMS Lookup Domain", OS, EX_LABEL },
    { EXL_OTHER, "en", "Most recent successful activation client information", OS, EX_LABEL },
    { EXL_OTHER, "en", "Activation Object name", OS, EX_LABEL },
    { EXL_OTHER, "en", "AO DN", OS, EX_LABEL },
    { EXL_OTHER, "en", "AO extended PID", OS, EX_LABEL },
    { EXL_OTHER, "en", "AO activation ID", OS, EX_LABEL },
    { EXL_ACT_ATTEMPT, "en", "Installed product key detected - attempting to activate the following product", OS, EX_LABEL },
    { EXL_ACT_ATTEMPT, "en", "Installed product key detected - attempting to token activate the following product", OS, EX_LABEL },
    { EXL_ACTIVATED_OK, "en", "<Product activation successful>", OS, EX_PHRASE },
    { EXL_ACTIVATED_OK, "en", "<Offline product activation successful>", OS, EX_PHRASE },
    { EXL_KEY_INSTALLED, "en", "<Product key installation successful>", OS, EX_PHRASE },
    { EXL_KEY_UNINSTALLED, "en", "<Product key uninstall successful>", OS, EX_PHRASE },
    { EXL_NO_KEYS, "en", "<No installed product keys detected>", OS, EX_PHRASE },
    { EXL_OTHER, "en", "Installing Office license", OS, EX_LABEL },
    { EXL_LICENSE_INSTALLED, "en", "Office license installed successfully", OS, EX_PHRASE },
    { EXL_OTHER, "en", "Uninstalling product key for", OS, EX_LABEL },
    { EXL_OTHER, "en", "Client Machine ID (CMID)", OS, EX_LABEL },
    { EXL_OTHER, "en", "To view the activation event history run", OS, EX_LABEL },
    { EXL_OTHER, "en", "NOTICE", OS, EX_LABEL },
    { EXL_OTHER, "en", "FOR MORE INFORMATION PLEASE VISIT", OS, EX_LABEL },
    /* ospp.vbs's results of its settings (/sethst, /setprt, /remhst, /actype, /skms-domain,
     * /ckms-domain, /cachst: MSG_SUCCESS; MSG_NOKMSLICS when no licence is a KMS one, and the
     * setting is then not made) and its checks of the Office 2010/2013 service on Windows 7
     * (MSG_OSPPSVC_NOINSTALL, MSG_OSPPSVC_NORUN) */
    { EXL_SETTING_APPLIED, "en", "Successfully applied setting", OS, EX_PHRASE },
    { EXL_NO_KMS_LICENSES, "en", "No Office KMS licenses were found on the system", OS, EX_PHRASE },
    { EXL_SERVICE_DOWN, "en", "Error: The Software Protection Platform service is not installed",
      OS, EX_PHRASE },
    { EXL_SERVICE_DOWN, "en", "Error: The Software Protection Platform service is not running",
      OS, EX_PHRASE },
    /* ospp.vbs /dhistorykms: one block per client event 12288 */
    { EXL_OTHER, "en", "Searching for KMS activation events on machine", OS, EX_LABEL },
    { EXL_OTHER, "en", "Event ID", OS, EX_LABEL },
    { EXL_TIME_WRITTEN, "en", "Coordinated Universal Time Written", OS, EX_LABEL },
    { EXL_ERROR_HOST, "en", "ERROR/HOST", OS, EX_LABEL },
    /* PowerShell: SoftwareLicensingProduct and SoftwareLicensingService property names */
    { EXL_ACTIVATION_ID, "en", "ID", CI, EX_LABEL },
    { EXL_KEY_CHANNEL, "en", "ProductKeyChannel", CI, EX_LABEL },
    { EXL_PARTIAL_KEY, "en", "PartialProductKey", CI, EX_LABEL },
    { EXL_LICENSE_STATUS, "en", "LicenseStatus", CI, EX_LABEL },
    { EXL_STATUS_REASON, "en", "LicenseStatusReason", CI, EX_LABEL },
    { EXL_REMAINING_GRACE, "en", "GracePeriodRemaining", CI, EX_LABEL },
    { EXL_REGISTERED_KMS, "en", "KeyManagementServiceMachine", CI, EX_LABEL },
    { EXL_REGISTERED_PORT, "en", "KeyManagementServicePort", CI, EX_LABEL },
    { EXL_KMS_FROM_DNS, "en", "DiscoveredKeyManagementServiceMachineName", CI, EX_LABEL },
    { EXL_KMS_IP, "en", "DiscoveredKeyManagementServiceMachineIpAddress", CI, EX_LABEL },
    { EXL_ACTIVATION_INTERVAL, "en", "VLActivationInterval", CI, EX_LABEL },
    { EXL_RENEWAL_INTERVAL, "en", "VLRenewalInterval", CI, EX_LABEL },
    { EXL_APP_REARM, "en", "RemainingAppReArmCount", CI, EX_LABEL },
    { EXL_SKU_REARM, "en", "RemainingSkuReArmCount", CI, EX_LABEL },
    { EXL_WINDOWS_REARM, "en", "RemainingWindowsReArmCount", CI, EX_LABEL },
    { EXL_IS_KMS_HOST, "en", "IsKeyManagementServiceMachine", CI, EX_LABEL },
    { EXL_CURRENT_COUNT, "en", "KeyManagementServiceCurrentCount", CI, EX_LABEL },
    { EXL_REQUIRED_COUNT, "en", "RequiredClientCount", CI, EX_LABEL },
    { EXL_LISTENING_PORT, "en", "KeyManagementServiceListeningPort", CI, EX_LABEL },
    { EXL_CMID, "en", "ClientMachineID", CI, EX_LABEL },
    { EXL_SERVICE_VERSION, "en", "Version", CI, EX_LABEL },
    /* SoftwareLicensingProduct's Active Directory-based activation properties, which
     * Get-ADLicenseInfo returns beside the product's ActivationID and LicenseStatus */
    { EXL_AD_OBJECT_NAME, "en", "ADActivationObjectName", CI, EX_LABEL },
    { EXL_AD_OBJECT_DN, "en", "ADActivationObjectDN", CI, EX_LABEL },
    { EXL_AD_CSVLK_PID, "en", "ADActivationCsvlkPid", CI, EX_LABEL },
    { EXL_AD_CSVLK_SKU_ID, "en", "ADActivationCsvlkSkuId", CI, EX_LABEL },
    /* The OSLicense module's objects (learn.microsoft.com/powershell/module/oslicense):
     * CIM names but for these, and the Set-/Invoke- results' signed decimal HRESULT. */
    { EXL_ACTIVATION_ID, "en", "ActivationID", CI, EX_LABEL },
    { EXL_HOST_CACHING, "en", "KeyManagementServiceHostCaching", CI, EX_LABEL },
    { EXL_ERROR, "en", "ErrorCode", EX_FMT_OSLICENSE, EX_LABEL },
    { EXL_ERROR_DESCRIPTION, "en", "ErrorMessage", EX_FMT_OSLICENSE, EX_LABEL },
    /* Get-SubscriptionLicenseInfo: localized text and the number beneath each (1: active) */
    { EXL_SUBSCRIPTION_TYPE, "en", "SubscriptionType", EX_FMT_OSLICENSE, EX_LABEL },
    { EXL_SUBSCRIPTION_TYPE_VALUE, "en", "SubscriptionTypeValue", EX_FMT_OSLICENSE, EX_LABEL },
    { EXL_SUBSCRIPTION_STATUS, "en", "SubscriptionStatus", EX_FMT_OSLICENSE, EX_LABEL },
    { EXL_SUBSCRIPTION_STATUS_VALUE, "en", "SubscriptionStatusValue", EX_FMT_OSLICENSE,
      EX_LABEL },
    /* Ansible's win_product_facts (ansible.windows, plugins/modules/win_product_facts.ps1):
     * SoftwareLicensingProduct's LicenseStatus as the word its switch gives ("Notification",
     * "OOBGrace"), as a YAML fact line or a JSON member under ansible_facts
     * (en-ticket-ansible-community-windows-247-notification); slmgr's state words, so read as
     * slmgr's field (the CIM readers take a number) */
    { EXL_LICENSE_STATUS, "en", "ansible_os_license_status", SL, EX_LABEL },
    /* Settings > Activation, Subscription, as Microsoft's "Deploy Windows Enterprise licenses"
     * page quotes it (learn.microsoft.com/windows/deployment/deploy-enterprise-licenses; its
     * Windows 10 line reads "Windows Enterprise 10"), pasted beside slmgr /dli's Pro key. */
    { EXL_SUBSCRIPTION_ACTIVE, "en", "Windows 11 Enterprise subscription is active", SL,
      EX_PHRASE },
    { EXL_SUBSCRIPTION_ACTIVE, "en", "Windows 10 Enterprise subscription is active", SL,
      EX_PHRASE },
    { EXL_SUBSCRIPTION_ACTIVE, "en", "Windows Enterprise 10 subscription is active", SL,
      EX_PHRASE },
    { EXL_SUBSCRIPTION_INVALID, "en", "Windows Enterprise subscription isn't valid", SL,
      EX_PHRASE },
    /* zh-CN, slmgr.vbs /ato and /ipk one-line results, as pasted in
     * https://github.com/ThunderEX/py-kms/issues/20 ("正在激活 Windows(R), ... / 错误: 0xC004F074")
     * and https://github.com/kkkgo/EnterpriseGconvert/issues/2 ("错误: 0xC0000022 ..."). */
    { EXL_ACTIVATING, "zh-CN", "正在激活", SL, EX_PHRASE },
    { EXL_ERROR, "zh-CN", "错误", SL, EX_LABEL },
    /* zh-CN, slmgr.vbs /dlv and /ato of Windows 10 Enterprise LTSC 2019 (10.0.17763), as
     * pasted in the public blog post "配置 DNS 自动发现服务实现局域网内 Windows/Office 无干预自动
     * 激活" (zhangwentian, 2020-02-27, kept in a GitHub Pages repository). Some of its labels
     * end in a full-width colon. */
    { EXL_SERVICE_VERSION, "zh-CN", "软件授权服务器版本", SL, EX_LABEL },
    { EXL_NAME, "zh-CN", "名称", SL, EX_LABEL },
    { EXL_DESCRIPTION, "zh-CN", "描述", SL, EX_LABEL },
    { EXL_ACTIVATION_ID, "zh-CN", "激活 ID", SL, EX_LABEL },
    { EXL_OTHER, "zh-CN", "应用程序 ID", SL, EX_LABEL },
    { EXL_EXTENDED_PID, "zh-CN", "扩展 PID", SL, EX_LABEL },
    { EXL_KEY_CHANNEL, "zh-CN", "产品密钥通道", SL, EX_LABEL },
    { EXL_OTHER, "zh-CN", "安装 ID", SL, EX_LABEL },
    { EXL_PARTIAL_KEY, "zh-CN", "部分产品密钥", SL, EX_LABEL },
    { EXL_LICENSE_STATUS, "zh-CN", "许可证状态", SL, EX_LABEL },
    { EXL_VOLUME_EXPIRATION, "zh-CN", "批量激活过期", SL, EX_LABEL },
    { EXL_WINDOWS_REARM, "zh-CN", "剩余 Windows 重置计数", SL, EX_LABEL },
    { EXL_SKU_REARM, "zh-CN", "剩余 SKU 重置计数", SL, EX_LABEL },
    { EXL_TRUSTED_TIME, "zh-CN", "信任时间", SL, EX_LABEL },
    { EXL_OTHER, "zh-CN", "已配置的激活类型", SL, EX_LABEL },
    { EXL_OTHER, "zh-CN", "最新激活信息", SL, EX_PHRASE },
    { EXL_KMS_CLIENT_HEADER, "zh-CN", "密钥管理服务客户端信息", SL, EX_PHRASE },
    { EXL_CMID, "zh-CN", "客户端计算机 ID (CMID)", SL, EX_LABEL },
    { EXL_KMS_FROM_DNS, "zh-CN", "来自 DNS 的 KMS 计算机名称", SL, EX_LABEL },
    { EXL_KMS_IP, "zh-CN", "KMS 计算机 IP 地址", SL, EX_LABEL },
    { EXL_KMS_PID, "zh-CN", "KMS 计算扩展的 PID", SL, EX_LABEL },
    { EXL_ACTIVATION_INTERVAL, "zh-CN", "激活时间间隔", SL, EX_LABEL },
    { EXL_RENEWAL_INTERVAL, "zh-CN", "续订间隔", SL, EX_LABEL },
    { EXL_ACTIVATED_OK, "zh-CN", "成功地激活了产品", SL, EX_PHRASE },
    /* zh-CN, ospp.vbs's fields as Office Tool Plus prints them in Chinese (what Chinese users
     * paste for Office), in https://github.com/YerongAI/Office-Tool/issues/331, /580, /260,
     * /158 and /712. */
    { EXL_DESCRIPTION, "zh-CN", "许可证说明", OS, EX_LABEL },
    { EXL_DESCRIPTION, "zh-CN", "描述", OS, EX_LABEL },
    { EXL_PARTIAL_KEY, "zh-CN", "产品密钥的最后五个字符", OS, EX_LABEL },
    { EXL_LICENSE_STATUS, "zh-CN", "许可证状态", OS, EX_LABEL },
    { EXL_ERROR, "zh-CN", "错误代码", OS, EX_LABEL },
    { EXL_ERROR_DESCRIPTION, "zh-CN", "错误信息", OS, EX_LABEL },
    /* ... and /dstatus's remaining grace, as in https://github.com/YerongAI/Office-Tool/issues/601 */
    { EXL_REMAINING_GRACE, "zh-CN", "剩余期限", OS, EX_LABEL },
    /* de, slmgr.vbs /dlv on a German Windows, as a public parser of that output matches it:
     * https://github.com/MichaelSchoenburg/Check-WindowsLizenz/blob/8728b8880d44913c52080783850e6871d3062679/Check-WindowsLizenz.ps1
     * (its German mapping next to the English one; it notes that German prints both rearm
     * counts as "Verbleibende Windows Rearm-Anzahl", so that text is read as the first). */
    { EXL_LICENSE_STATUS, "de", "Lizenzstatus", SL, EX_LABEL },
    { EXL_STATUS_REASON, "de", "Benachrichtigungsgrund", SL, EX_LABEL },
    { EXL_TIMEBASED_EXPIRATION, "de", "Ablauf der zeitbegrenzten Aktivierung", SL, EX_LABEL },
    { EXL_WINDOWS_REARM, "de", "Verbleibende Windows Rearm-Anzahl", SL, EX_LABEL },
    { EXL_KEY_CHANNEL, "de", "Product Key-Kanal", SL, EX_LABEL },
    /* es, slmgr.vbs /dlv on a Spanish Windows 10, as a public test of a classroom install
     * checks it (expect "Estado de la licencia: con licencia"):
     * https://github.com/dvarrui/teuton-tests/blob/9ccc9604e45f9f9badf963b6c359c8f80b120c2c/en/systems.2/01-install-w10-vbox/windows-conf.rb */
    { EXL_LICENSE_STATUS, "es", "Estado de la licencia", SL, EX_LABEL },
    /* slmgr.vbs /ato and /skms one-line results in thirteen languages, as Microsoft's localized
     * Azure article "Troubleshoot Azure Windows virtual machine activation problems" quotes
     * them (articles/virtual-machines/windows/troubleshoot-activation-problems.md in the
     * localized azure-docs repositories: cs-cz, de-de, es-es, fr-fr, it-it, ja-jp, ko-kr,
     * nl-nl, pl-pl, pt-br, ru-ru, sv-se, tr-tr; e.g. https://github.com/superfliege/azure-docs.de-de/blob/20149a7e86df369d959f12786b473cd42e2786a9/articles/virtual-machines/windows/troubleshoot-activation-problems.md).
     * They are the article's rendering of the output, not a screen capture: a Windows whose
     * slmgr.ini words them otherwise is read with --labels. A result text that opens with
     * the same words as the "Activating" text comes first (ru). */
    { EXL_ACTIVATED_OK, "cs", "Produkt se úspěšně aktivoval", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "de", "Das Produkt wurde erfolgreich aktiviert", SL, EX_PHRASE },
    { EXL_ACTIVATING, "de", "Aktivieren von", SL, EX_PHRASE },
    { EXL_SKMS_SET, "de", "Der Schlüsselverwaltungsdienst-Computername wurde erfolgreich auf", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "es", "El producto se activó correctamente", SL, EX_PHRASE },
    { EXL_ACTIVATING, "es", "Activación de", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "fr", "Le produit a été activé", SL, EX_PHRASE },
    { EXL_ACTIVATING, "fr", "Activation de", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "it", "Attivazione prodotto completata", SL, EX_PHRASE },
    { EXL_ACTIVATING, "it", "Attivazione di", SL, EX_PHRASE },
    { EXL_SKMS_SET, "it", "Nome del computer del Servizio di gestione delle chiavi impostato su", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "ja", "製品は正常にライセンス認証されました", SL, EX_PHRASE },
    { EXL_SKMS_SET, "ja", "キー管理サービスのマシン名は", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "ko", "제품을 성공적으로 활성화했습니다", SL, EX_PHRASE },
    { EXL_SKMS_SET, "ko", "키 관리 서비스 컴퓨터 이름을", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "nl", "Product is geactiveerd", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "pl", "Produkt aktywowany pomyślnie", SL, EX_PHRASE },
    { EXL_ACTIVATING, "pl", "Aktywowanie", SL, EX_PHRASE },
    { EXL_SKMS_SET, "pl", "Nazwa komputera usługi zarządzania kluczami ustawioną", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "pt-BR", "Produto ativado com sucesso", SL, EX_PHRASE },
    { EXL_ACTIVATING, "pt-BR", "Ativando o", SL, EX_PHRASE },
    { EXL_SKMS_SET, "pt-BR", "Nome da máquina do Serviço de Gerenciamento de Chaves definido como", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "ru", "Активация выполнена успешно", SL, EX_PHRASE },
    { EXL_ACTIVATING, "ru", "Активация", SL, EX_PHRASE },
    { EXL_SKMS_SET, "ru", "Задано имя компьютера со службой управления ключами:", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "sv", "Produkten har aktiverats", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "tr", "Ürün başarıyla etkinleştirildi", SL, EX_PHRASE },
    /* zh-CN, slmgr.vbs's /upk, /ipk and /skms one-line results, as a Chinese how-to quotes
     * them with /ato's (https://github.com/aiastia/note/issues/73: "弹出窗口提示：“密钥管理服务
     * 计算机名称成功地设置为kms.cangshui.net”"). */
    { EXL_KEY_UNINSTALLED, "zh-CN", "成功地卸载了产品密钥", SL, EX_PHRASE },
    { EXL_KEY_INSTALLED, "zh-CN", "成功地安装了产品密钥", SL, EX_PHRASE },
    { EXL_SKMS_SET, "zh-CN", "密钥管理服务计算机名称成功地设置为", SL, EX_PHRASE },
    /* hu and zh-TW, slmgr.vbs /ato's results as the Hungarian (machine-translated) and
     * Traditional Chinese copies of the same Azure article quote them:
     * https://github.com/tsunami416604/azure-docs.hu-hu/blob/1307c65cef1f54d952b5b2ac5bead5b79e4b6b15/articles/virtual-machines/windows/troubleshoot-activation-problems.md
     * ("... aktiválása... A termék aktiválása sikeres.": the product comes before its
     * "activating", so no row opens that line) and
     * https://github.com/ningchencontact/azure-docs.zh-tw/blob/41d19a6352ffe802643a7e0e35c3e68fb364e864/articles/virtual-machines/windows/troubleshoot-activation-problems.md */
    { EXL_ACTIVATED_OK, "hu", "A termék aktiválása sikeres", SL, EX_PHRASE },
    { EXL_ACTIVATED_OK, "zh-TW", "產品已成功啟用", SL, EX_PHRASE },
    { EXL_ACTIVATING, "zh-TW", "正在啟用", SL, EX_PHRASE },
    /* Further languages: append a block here naming its public source. */
};

#define NROWS (sizeof rows / sizeof rows[0])

/* Rows added at run time, searched after the built-in ones: the row that a match returns, and
 * the texts it was given, of any length (owned). */
struct added_row {
    struct ex_label_row row; /* its lang and text stay empty */
    char *lang, *text;
};
static struct added_row *extra_rows;
static size_t nextra_rows, extra_rows_cap;

size_t ex_label_row_count(void)
{
    return NROWS;
}

const struct ex_label_row *ex_label_row_at(size_t index)
{
    return index < NROWS ? &rows[index] : NULL;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

static void trim(const char **text, size_t *len)
{
    while (*len > 0 && blank(**text))
        (*text)++, (*len)--;
    while (*len > 0 && (blank((*text)[*len - 1]) || (*text)[*len - 1] == '\r'))
        (*len)--;
}

/* Whether `line` opens with a row's text (n bytes) and, for a label, blanks and ':'; sets the
 * value. */
static bool row_matches(const char *text, size_t n, enum ex_shape shape, const char *line,
                        size_t len, const char **value, size_t *vlen)
{
    if (len < n || strncasecmp(line, text, n) != 0)
        return false;
    size_t i = n;
    if (shape == EX_LABEL) {
        while (i < len && blank(line[i]))
            i++;
        if (i == len || line[i] != ':')
            return false;
        i++;
    } else if (i < len && line[i] != ' ' && line[i] != '.' && line[i] != ':' && line[i] != ',' &&
               (unsigned char)line[i] < 0x80 && (unsigned char)text[n - 1] < 0x80) {
        /* a phrase ends at a word's end; scripts without spaces excepted, on either side
         * ("...成功地设置为kms.example.com") */
        return false;
    }
    *value = line + i;
    *vlen = len - i;
    trim(value, vlen);
    return true;
}

/* The first byte rules out almost every row before a comparison starts (ASCII case folded by
 * setting bit 5, as strncasecmp would match). */
static unsigned char first_key(const char *text)
{
    return (unsigned char)text[0] | 0x20;
}

static const struct ex_label_row *find_added(unsigned formats, const char *line, size_t len,
                                             const char **value, size_t *vlen)
{
    unsigned char first = first_key(line);
    for (size_t i = 0; i < nextra_rows; i++) {
        const struct added_row *added = &extra_rows[i];
        if ((added->row.formats & formats) && first_key(added->text) == first &&
            row_matches(added->text, strlen(added->text), added->row.shape, line, len, value,
                        vlen))
            return &added->row;
    }
    return NULL;
}

/* The built-in rows by first byte, each byte's rows in table order (so the first row that
 * matches is the one a scan of the table finds), with each row's text length: a line is
 * compared with its byte's rows alone. Every line of every input is looked up by several
 * readers; scanning all rows cost most of a short explain run's own work. The index is data
 * of the build (labels_index.h, written by gen_labels_index.c from the table above and kept
 * equal to it by test-explain-indexes): adding a row needs nothing more. */
_Static_assert(NROWS < UINT16_MAX, "row indexes fit 16 bits");
_Static_assert(EX_LABEL_TEXT_MAX <= UINT8_MAX + 1, "text lengths fit 8 bits");
#ifdef EX_INDEX_GENERATOR
/* A built-in row's text and its length: it fills its array at most (labels.h). */
static size_t text_len(const struct ex_label_row *row)
{
    return strnlen(row->text, sizeof row->text);
}

static uint16_t label_first_start[257], label_first_order[NROWS];
static uint8_t label_first_len[NROWS];
/* Each row's second byte in index order, as a key: 0 for a row of one byte, 1 for a byte that
 * is no ASCII, else the byte with bit 5 set (ASCII letters lowered); 15 more 0s after the last
 * (the keys are read 16 at a time). */
static unsigned char label_first_second[NROWS + 15];
/* The rows by label, in table order (label l: label_id_rows[label_id_start[l] ..
 * label_id_start[l + 1])), and the set of their first bytes (32 bytes of bits per label), for a
 * search of a label anywhere in a text (ex_label_named_in). */
static uint16_t label_id_start[EXL_LABEL_COUNT + 1], label_id_rows[NROWS];
static uint8_t label_id_firsts[EXL_LABEL_COUNT * 32];
#else
#include "labels_index.h"
_Static_assert(sizeof label_first_order / sizeof label_first_order[0] == NROWS,
               "labels_index.h is this table's");
#endif

static const struct ex_label_row *find_builtin(unsigned formats, const char *line, size_t len,
                                               const char **value, size_t *vlen)
{
    unsigned char first = first_key(line);
    /* Most of a byte's rows differ at the second byte: two ASCII bytes that differ in more than
     * the case bit are no match of strncasecmp's, and a line of one byte matches no longer row.
     * The rows that may match: those of one byte (key 0), and with a line's second byte in
     * ASCII, those whose key is 1 or that byte's; 16 keys at a time (bytes.h). */
    unsigned char second = len > 1 ? (unsigned char)line[1] : 0;
    bool every = second >= 0x80;                   /* every row may match */
    unsigned char want = (unsigned char)(second | 0x20); /* 0x20 for a line of one byte */
    unsigned char beyond = len > 1 ? 1 : 0;        /* rows whose second byte is no ASCII */
    size_t from = label_first_start[first], end = label_first_start[first + 1];
    for (size_t base = from; base < end; base += 16) {
        const unsigned char *keys = label_first_second + base;
        unsigned hits = every ? 0xFFFFu
                              : ex_bytes16_either(keys, 0, beyond) |
                                    (len > 1 ? ex_bytes16_either(keys, want, want) : 0);
        if (end - base < 16)
            hits &= (1u << (end - base)) - 1;
        for (; hits; hits &= hits - 1) {
            size_t k = base + (size_t)__builtin_ctz(hits);
            size_t i = label_first_order[k];
            if ((rows[i].formats & formats) &&
                row_matches(rows[i].text, label_first_len[i], rows[i].shape, line, len, value,
                            vlen))
                return &rows[i];
        }
    }
    return NULL;
}

const struct ex_label_row *ex_label_find_row(unsigned formats, const char *line, size_t len,
                                             const char **value, size_t *vlen)
{
    trim(&line, &len);
    if (len == 0)
        return NULL;
    const struct ex_label_row *found = find_builtin(formats, line, len, value, vlen);
    if (!found && nextra_rows)
        found = find_added(formats, line, len, value, vlen);
    return found;
}

enum ex_label ex_label_find(unsigned formats, const char *line, size_t len, const char **value,
                            size_t *vlen)
{
    const struct ex_label_row *row = ex_label_find_row(formats, line, len, value, vlen);
    return row ? row->id : EXL_NONE;
}

size_t ex_labels_missing(const char *lang, enum ex_label *missing, size_t max)
{
    size_t count = 0;
    for (int id = EXL_OTHER + 1; id < EXL_LABEL_COUNT; id++) {
        bool found = false;
        for (size_t i = 0; i < NROWS && !found; i++)
            found = rows[i].id == (enum ex_label)id && strcmp(rows[i].lang, lang) == 0;
        if (!found && count < max)
            missing[count] = (enum ex_label)id;
        count += !found;
    }
    return count;
}

bool ex_labels_complete(const char *lang, enum ex_label *missing)
{
    return ex_labels_missing(lang, missing, 1) == 0;
}

/* Licence states as each tool words them; compared at the start of the value, any case,
 * after ospp's "---" decoration. Canonical names by state number. */
static const char state_names[7][20] = {
    "unlicensed", "licensed", "initial-grace", "additional-grace", "non-genuine-grace",
    "notification", "extended-grace",
};

/* A row: { state 0-6, "language", "the word" }, held in the row as the label rows' texts are. */
static const struct {
    int state;
    /* cppcheck-suppress unusedStructMember ; it names each row's language, as in rows[] */
    char lang[EX_LABEL_LANG_MAX];
    char text[32];
} states[] = {
    /* en: slmgr.vbs (L_MsgLicenseStatus*), ospp.vbs (MSG_LICENSED ...) */
    { 0, "en", "Unlicensed" },
    { 1, "en", "Licensed" },
    { 2, "en", "Initial grace period" },
    { 2, "en", "OOB_GRACE" },
    { 3, "en", "Additional grace period" },
    { 3, "en", "OOT_GRACE" },
    { 4, "en", "Non-genuine grace period" },
    { 4, "en", "NON_GENUINE_GRACE" },
    { 5, "en", "Notification" },
    { 6, "en", "Extended grace period" },
    { 6, "en", "EXTENDED_GRACE" },
    { 6, "en", "EXTENDED GRACE" },
    /* zh-CN: slmgr.vbs /dlv in the blog post named above the zh-CN label rows ("许可证状态:
     * 已授权"); Office Tool Plus's rendering of ospp in
     * https://github.com/YerongAI/Office-Tool/issues/331 ("许可证状态:  ---未许可---"). */
    /* de: the same parser (Check-WindowsLizenz, named above the de label rows) */
    { 1, "de", "Lizenziert" },
    /* es: the teuton test named above the es label row */
    { 1, "es", "con licencia" },
    { 5, "de", "Benachrichtigung" },
    { 1, "zh-CN", "已授权" },
    { 0, "zh-CN", "未许可" },
    /* zh-CN: ospp's OOB_GRACE as Office Tool Plus renders it ("许可证状态:  OOB_宽限期"),
     * https://github.com/YerongAI/Office-Tool/issues/601 */
    { 2, "zh-CN", "OOB_宽限期" },
    /* en: a KMS emulator's log of a client's request (py-kms's licenseStates, as its logs print
     * "License Status: Notifications Mode", en-ticket-dockerkms-10-notifications-mode):
     * https://github.com/Py-KMS-Organization/py-kms/blob/445d011487b3b44a8c896a76b836a6eb79f5eaf5/py-kms/pykms_Base.py */
    { 5, "en", "Notifications Mode" },
    { 3, "en", "Out-of-Tolerance Grace Period" },
    /* Further languages: append a block here, naming its source. */
};

static struct ex_state_row *extra_states;
static size_t nextra_states, extra_states_cap;

/* Whether text opens with word, any case, blanks and '_' ignored on both sides: ospp's
 * "OOB_GRACE" reaches us as "OOB_ GRACE" or "OOB GRACE" from forums that escape Markdown. */
static bool opens_with(const char *text, size_t len, const char *word)
{
    size_t i = 0;
    for (const char *w = word; *w; w++) {
        if (*w == ' ' || *w == '_')
            continue;
        while (i < len && (text[i] == ' ' || text[i] == '_' || text[i] == '\\'))
            i++;
        if (i == len || ((unsigned char)text[i] | 0x20) != ((unsigned char)*w | 0x20))
            return false;
        i++;
    }
    return true;
}

#define NSTATES (sizeof states / sizeof states[0])

/* The text of state row i: the built-in rows, then those added at run time. */
static const char *state_text(size_t i, int *state)
{
    if (i < NSTATES) {
        *state = states[i].state;
        return states[i].text;
    }
    *state = extra_states[i - NSTATES].state;
    return extra_states[i - NSTATES].text;
}

int ex_license_state(const char *text, size_t len)
{
    while (len > 0 && (*text == '-' || blank(*text)))
        text++, len--;
    for (size_t i = 0; i < NSTATES + nextra_states; i++) {
        int state;
        if (opens_with(text, len, state_text(i, &state)))
            return state;
    }
    return -1;
}

const char *ex_license_state_name(int state)
{
    return state >= 0 && state <= 6 ? state_names[state] : NULL;
}

/* Whether a word edge lies between bytes a and b: one of them is no word byte (bytes.h), so a
 * CJK label needs no blank around it. */
static bool edge(char a, char b)
{
    return !ex_word_byte((unsigned char)a) || !ex_word_byte((unsigned char)b);
}

/* Whether `word` (n bytes) stands at text[at] as a word of its own, ASCII letters in any case. */
static bool word_at(const char *text, size_t len, size_t at, const char *word, size_t n)
{
    return n > 0 && at + n <= len && (at == 0 || edge(text[at - 1], word[0])) &&
           strncasecmp(text + at, word, n) == 0 &&
           (at + n == len || edge(text[at + n], word[n - 1]));
}

bool ex_word_stands_at(const char *text, size_t len, size_t at, const char *word)
{
    return word_at(text, len, at, word, strlen(word));
}

/* Whether `word` (n bytes) stands anywhere in text as a word of its own. */
static bool named_in(const char *word, size_t n, const char *text, size_t len)
{
    /* The first byte rules out most places before a comparison starts. */
    for (size_t at = 0; at < len; at++)
        if (first_key(text + at) == first_key(word) && word_at(text, len, at, word, n))
            return true;
    return false;
}

bool ex_label_named_in(enum ex_label label, const char *text, size_t len)
{
    /* One pass over the text: a place whose byte opens none of the label's rows is passed over
     * at once. */
    const uint8_t *firsts =
        (unsigned)label < EXL_LABEL_COUNT ? label_id_firsts + (size_t)label * 32 : NULL;
    for (size_t at = 0; firsts && at < len; at++) {
        unsigned char c = first_key(text + at);
        if (!(firsts[c >> 3] & (1u << (c & 7))))
            continue;
        for (size_t k = label_id_start[label]; k < label_id_start[label + 1]; k++) {
            size_t i = label_id_rows[k];
            if (first_key(rows[i].text) == c &&
                word_at(text, len, at, rows[i].text, label_first_len[i]))
                return true;
        }
    }
    for (size_t i = 0; i < nextra_rows; i++)
        if (extra_rows[i].row.id == label &&
            named_in(extra_rows[i].text, strlen(extra_rows[i].text), text, len))
            return true;
    return false;
}

int ex_license_state_word(const char *text, size_t len, size_t *wlen)
{
    for (size_t i = 0; i < NSTATES + nextra_states; i++) {
        int state;
        const char *word = state_text(i, &state);
        if (len > 0 && first_key(text) == first_key(word) &&
            word_at(text, len, 0, word, strlen(word))) {
            *wlen = strlen(word);
            return state;
        }
    }
    return -1;
}

/* Appends a copy of `size` bytes to a growing array; its strings are copied by the caller. */
static void *grow(void *array, size_t *cap, size_t used, size_t size)
{
    if (used < *cap)
        return array;
    size_t more = *cap ? *cap * 2 : 16;
    void *bigger = realloc(array, more * size);
    if (bigger)
        *cap = more;
    return bigger;
}

/* Copies of a row's text and language that the table owns; false (nothing changed for the
 * caller) when out of memory. */
static bool own_text_and_lang(const char *text, const char *lang, char **t, char **l)
{
    *t = strdup(text), *l = strdup(lang);
    if (!*t || !*l) {
        free(*t), free(*l);
        return false;
    }
    return true;
}

bool ex_labels_add(const struct ex_label_text *row)
{
    if (!row || row->id <= EXL_NONE || row->id >= EXL_LABEL_COUNT || !row->text ||
        !row->text[0] || !row->lang)
        return false;
    struct added_row *grown = grow(extra_rows, &extra_rows_cap, nextra_rows, sizeof *grown);
    if (!grown)
        return false;
    extra_rows = grown; /* a moved array is the only copy now, even if what follows fails */
    struct added_row *added = &extra_rows[nextra_rows];
    *added = (struct added_row){ .row = { .id = row->id, .formats = row->formats,
                                          .shape = row->shape } };
    if (!own_text_and_lang(row->text, row->lang, &added->text, &added->lang))
        return false;
    nextra_rows++;
    return true;
}

bool ex_states_add(const struct ex_state_row *row)
{
    if (!row || row->state < 0 || row->state > 6 || !row->text || !row->text[0] || !row->lang)
        return false;
    struct ex_state_row *grown = grow(extra_states, &extra_states_cap, nextra_states,
                                      sizeof *grown);
    if (!grown)
        return false;
    extra_states = grown; /* a moved array is the only copy now, even if what follows fails */
    struct ex_state_row *added = &extra_states[nextra_states];
    char *text, *lang;
    if (!own_text_and_lang(row->text, row->lang, &text, &lang))
        return false;
    *added = (struct ex_state_row){ row->state, lang, text };
    nextra_states++;
    return true;
}

void ex_labels_reset(void)
{
    for (size_t i = 0; i < nextra_rows; i++)
        free(extra_rows[i].text), free(extra_rows[i].lang);
    for (size_t i = 0; i < nextra_states; i++)
        free((char *)extra_states[i].text), free((char *)extra_states[i].lang);
    free(extra_rows), free(extra_states);
    extra_rows = NULL, extra_states = NULL;
    nextra_rows = nextra_states = extra_rows_cap = extra_states_cap = 0;
}

/* Channel tokens, most specific first: they are Windows' own identifiers, in every language. */
static const struct {
    char token[20];
    enum ex_channel channel;
} channels[] = {
    { "VOLUME_KMSCLIENT", EX_CH_KMS_CLIENT },
    { "Volume:GVLK", EX_CH_KMS_CLIENT },
    { "TIMEBASED_EVAL", EX_CH_EVAL },
    { "Retail:TB:Eval", EX_CH_EVAL },
    { "VOLUME_MAK", EX_CH_MAK },
    { "Volume:MAK", EX_CH_MAK },
    { "Volume:CSVLK", EX_CH_KMS_HOST },
    { "VOLUME_KMS", EX_CH_KMS_HOST },
    { "OEM", EX_CH_OEM },
    { "RETAIL", EX_CH_RETAIL },
    { "Retail", EX_CH_RETAIL },
};

static const char *token_in(const char *text, size_t len, const char *token)
{
    size_t n = strlen(token);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(text + i, token, n) == 0)
            return text + i;
    return NULL;
}

enum ex_channel ex_channel_find(const char *text, size_t len)
{
    for (size_t i = 0; i < sizeof channels / sizeof channels[0]; i++)
        if (token_in(text, len, channels[i].token))
            return channels[i].channel;
    return EX_CH_UNKNOWN;
}

const char *ex_channel_name(enum ex_channel channel)
{
    static const char names[][12] = { "unknown", "retail", "OEM", "MAK", "KMS client",
                                         "KMS host", "evaluation" };
    return (unsigned)channel < sizeof names / sizeof names[0] ? names[channel] : "unknown";
}

/* Values that say the same thing in different words. */
static const struct {
    enum ex_phrase what;
    /* cppcheck-suppress unusedStructMember ; it names each row's language, as in rows[] */
    char lang[EX_LABEL_LANG_MAX];
    char text[48];
} phrases[] = {
    { EX_PH_NOT_AVAILABLE, "en", "KMS name not available" },
    { EX_PH_NOT_AVAILABLE, "en", "not available" },
    { EX_PH_SERVER_PRODUCT, "en", "Server" },
    /* ospp.vbs MSG_INFO_ONLY */
    { EX_PH_INFORMATION_ONLY, "en", "for information purposes only" },
    /* Words of a text about activation (stems, so that every inflection matches). */
    { EX_PH_ACTIVATION_CONTEXT, "en", "activat" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "licens" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "licenc" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "product key" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "slmgr" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "ospp" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "slui" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "sppsvc" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "KMS" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "Software Protection" },
    { EX_PH_ACTIVATION_CONTEXT, "de", "aktivier" },
    { EX_PH_ACTIVATION_CONTEXT, "de", "lizenz" },
    /* Not the bare stem "activ": English "Activity ID" (a Remote Desktop error's) is no word
     * of activation. */
    { EX_PH_ACTIVATION_CONTEXT, "fr", "activer" },
    { EX_PH_ACTIVATION_CONTEXT, "fr", "activ\xC3\xA9" }, /* activé */
    { EX_PH_ACTIVATION_CONTEXT, "fr", "activez" },
    { EX_PH_ACTIVATION_CONTEXT, "es", "activaci" },
    { EX_PH_ACTIVATION_CONTEXT, "es", "activar" },
    { EX_PH_ACTIVATION_CONTEXT, "es", "activad" },
    { EX_PH_ACTIVATION_CONTEXT, "it", "attiva" },
    { EX_PH_ACTIVATION_CONTEXT, "pt", "ativa" },
    { EX_PH_ACTIVATION_CONTEXT, "pl", "aktywac" },
    { EX_PH_ACTIVATION_CONTEXT, "ru", "\xD0\xB0\xD0\xBA\xD1\x82\xD0\xB8\xD0\xB2\xD0\xB0\xD1\x86" }, /* активац */
    { EX_PH_ACTIVATION_CONTEXT, "ru", "\xD0\xBB\xD0\xB8\xD1\x86\xD0\xB5\xD0\xBD\xD0\xB7" }, /* лиценз */
    { EX_PH_ACTIVATION_CONTEXT, "zh-CN", "\xE6\xBF\x80\xE6\xB4\xBB" }, /* 激活 */
    { EX_PH_ACTIVATION_CONTEXT, "zh-CN", "\xE8\xAE\xB8\xE5\x8F\xAF" }, /* 许可 */
    { EX_PH_ACTIVATION_CONTEXT, "zh-TW", "\xE5\x95\x9F\xE7\x94\xA8" }, /* 啟用 */
    { EX_PH_ACTIVATION_CONTEXT, "ja", "\xE3\x83\xA9\xE3\x82\xA4\xE3\x82\xBB\xE3\x83\xB3\xE3\x82\xB9" }, /* ライセンス */
    { EX_PH_ACTIVATION_CONTEXT, "ko", "\xEC\xA0\x95\xED\x92\x88 \xEC\x9D\xB8\xEC\xA6\x9D" }, /* 정품 인증 */
    /* genuine validation (Windows Genuine Advantage, "validate a copy of Windows"): a check of
     * the licence (en-kb-quote-supportarticles-0x80092026-validate,
     * zh-HK-kb-wga-0x80080220-embedded's 正版); not "genuine" alone, which a CPU's
     * "GenuineIntel" in a crash dump or systeminfo holds too */
    { EX_PH_ACTIVATION_CONTEXT, "en", "genuine windows" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "genuine advantage" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "not genuine" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "non-genuine" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "validate windows" },
    { EX_PH_ACTIVATION_CONTEXT, "en", "validate a copy of windows" },
    { EX_PH_ACTIVATION_CONTEXT, "zh-CN", "\xE6\xAD\xA3\xE7\x89\x88" }, /* 正版 (zh-TW too) */
    /* A supposition given as an example ("For example, if event 12293 holds 0x8007267C, run
     * slui ..."): the codes of such a line are a writer's illustration, no machine's report
     * (neg-es-docs-kms-known-issues). */
    { EX_PH_EXAMPLE_IF, "en", "for example, if" },
    { EX_PH_EXAMPLE_IF, "en", "for example if" },
    { EX_PH_EXAMPLE_IF, "en", "for instance, if" },
    { EX_PH_EXAMPLE_IF, "en", "e.g. if" },
    { EX_PH_EXAMPLE_IF, "en", "e.g., if" },
    { EX_PH_EXAMPLE_IF, "es", "por ejemplo, si" },
    { EX_PH_EXAMPLE_IF, "es", "por ejemplo si" },
    { EX_PH_EXAMPLE_IF, "de", "zum beispiel, wenn" },
    { EX_PH_EXAMPLE_IF, "de", "beispielsweise, wenn" },
    { EX_PH_EXAMPLE_IF, "fr", "par exemple, si" },
    { EX_PH_EXAMPLE_IF, "it", "ad esempio, se" },
    { EX_PH_EXAMPLE_IF, "pt", "por exemplo, se" },
    { EX_PH_EXAMPLE_IF, "zh-CN", "\xE4\xBE\x8B\xE5\xA6\x82\xEF\xBC\x8C\xE5\xA6\x82\xE6\x9E\x9C" }, /* 例如，如果 */
    { EX_PH_EXAMPLE_IF, "zh-CN", "\xE4\xBE\x8B\xE5\xA6\x82,\xE5\xA6\x82\xE6\x9E\x9C" }, /* 例如,如果 (full-width comma normalized) */
    /* The licensing service named, by its service name or its display name as Windows shows it
     * in the Services console ("Software Protection"; de, fr, zh-CN, ja as localized Windows
     * names it) */
    { EX_PH_LICENSING_SERVICE, "en", "sppsvc" },
    { EX_PH_LICENSING_SERVICE, "en", "osppsvc" },
    { EX_PH_LICENSING_SERVICE, "en", "Software Protection" },
    { EX_PH_LICENSING_SERVICE, "de", "Softwareschutz" },
    { EX_PH_LICENSING_SERVICE, "fr", "Protection logicielle" },
    { EX_PH_LICENSING_SERVICE, "zh-CN", "\xE8\xBD\xAF\xE4\xBB\xB6\xE4\xBF\x9D\xE6\x8A\xA4" }, /* 软件保护 */
    { EX_PH_LICENSING_SERVICE, "ja", "\xE3\x82\xBD\xE3\x83\x95\xE3\x83\x88\xE3\x82\xA6\xE3\x82\xA7\xE3\x82\xA2\xE4\xBF\x9D\xE8\xAD\xB7" }, /* ソフトウェア保護 */
    { EX_PH_LICENSING_SERVICE, "ru", "\xD0\x97\xD0\xB0\xD1\x89\xD0\xB8\xD1\x82\xD0\xB0 \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB3\xD1\x80\xD0\xB0\xD0\xBC\xD0\xBC\xD0\xBD\xD0\xBE\xD0\xB3\xD0\xBE" }, /* Защита программного (обеспечения) */
    { EX_PH_LICENSING_SERVICE, "ru", "\xD0\xB7\xD0\xB0\xD1\x89\xD0\xB8\xD1\x82\xD1\x8B \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB3\xD1\x80\xD0\xB0\xD0\xBC\xD0\xBC\xD0\xBD\xD0\xBE\xD0\xB3\xD0\xBE" }, /* защиты программного (обеспечения) */
    /* A code someone asks documentation for or looks up, not one a machine reported
     * (neg-en-azuredocs-38916, neg-zh-ticket-otp-899-lookup-crash: a tool's code lookup). Not
     * English "look up": a user tells so of the code their machine gave ("I looked up
     * 0xC004F074 and ..."). */
    { EX_PH_CODE_LOOKUP, "en", "troubleshooting for" },
    { EX_PH_CODE_LOOKUP, "en", "documentation for" },
    { EX_PH_CODE_LOOKUP, "en", "documentation on" },
    { EX_PH_CODE_LOOKUP, "zh-CN", "\xE6\x9F\xA5\xE8\xAF\xA2" }, /* 查询 (错误代码 ...) */
    { EX_PH_CODE_LOOKUP, "zh-CN", "\xE6\x9F\xA5\xE8\xAF\xA2\xE9\x94\x99\xE8\xAF\xAF\xE4\xBB\xA3\xE7\xA0\x81" }, /* 查询错误代码 */
    /* A text that says the warning it tells of can be left alone, as support articles say
     * of 12321 (en-kb-quote-supportarticles-12321-0xC004F011) and 1058, and maintainers of a
     * KMS renewal's logged failures */
    { EX_PH_HARMLESS, "en", "safely ignored" },
    { EX_PH_HARMLESS, "en", "safely be ignored" },
    { EX_PH_HARMLESS, "en", "safe to ignore" },
    { EX_PH_HARMLESS, "en", "can be ignored" },
    { EX_PH_HARMLESS, "de", "ignoriert werden" },
    { EX_PH_HARMLESS, "fr", "peut \xC3\xAAtre ignor\xC3\xA9" }, /* peut être ignoré(e) */
    { EX_PH_HARMLESS, "es", "puede ignorar" },
    { EX_PH_HARMLESS, "es", "puede omitir" },
    { EX_PH_HARMLESS, "zh-CN", "\xE5\x8F\xAF\xE4\xBB\xA5\xE5\xBF\xBD\xE7\x95\xA5" }, /* 可以忽略 */
    { EX_PH_HARMLESS, "zh-CN", "\xE5\xAE\x89\xE5\x85\xA8\xE5\x9C\xB0\xE5\xBF\xBD\xE7\x95\xA5" }, /* 安全地忽略 */
    /* A service that does not start, as a ticket says of sppsvc before the error it gives
     * (en-ticket-hwid-15-sppsvc-error-5) or an activation script prints it ("Failed to start
     * [sppsvc] service") */
    { EX_PH_NOT_STARTING, "en", "failed to start" },
    { EX_PH_NOT_STARTING, "en", "fails to start" },
    { EX_PH_NOT_STARTING, "en", "won't start" },
    { EX_PH_NOT_STARTING, "en", "wont start" },
    { EX_PH_NOT_STARTING, "en", "will not start" },
    { EX_PH_NOT_STARTING, "en", "cannot start" },
    { EX_PH_NOT_STARTING, "en", "can't start" },
    { EX_PH_NOT_STARTING, "en", "could not be started" },
    { EX_PH_NOT_STARTING, "en", "couldn't start" },
    { EX_PH_NOT_STARTING, "en", "could not start" },
    { EX_PH_NOT_STARTING, "en", "does not start" },
    { EX_PH_NOT_STARTING, "en", "doesn't start" },
    { EX_PH_NOT_STARTING, "en", "not starting" },
    { EX_PH_NOT_STARTING, "de", "startet nicht" },
    { EX_PH_NOT_STARTING, "fr", "ne d\xC3\xA9marre pas" }, /* ne démarre pas */
    { EX_PH_NOT_STARTING, "zh-CN", "\xE6\x97\xA0\xE6\xB3\x95\xE5\x90\xAF\xE5\x8A\xA8" }, /* 无法启动 */
    { EX_PH_NOT_STARTING, "zh-CN", "\xE5\x90\xAF\xE5\x8A\xA8\xE5\xA4\xB1\xE8\xB4\xA5" }, /* 启动失败 */
    { EX_PH_NOT_STARTING, "ru", "\xD0\xBD\xD0\xB5 \xD0\xB7\xD0\xB0\xD0\xBF\xD1\x83\xD1\x81\xD0\xBA\xD0\xB0\xD0\xB5\xD1\x82\xD1\x81\xD1\x8F" }, /* не запускается */
    { EX_PH_NOT_STARTING, "ru", "\xD0\xBD\xD0\xB5 \xD1\x83\xD0\xB4\xD0\xB0\xD0\xB5\xD1\x82\xD1\x81\xD1\x8F \xD0\xB7\xD0\xB0\xD0\xBF\xD1\x83\xD1\x81\xD1\x82\xD0\xB8\xD1\x82\xD1\x8C" }, /* не удается запустить */
    { EX_PH_NOT_STARTING, "ru", "\xD0\xBD\xD0\xB5 \xD1\x83\xD0\xB4\xD0\xB0\xD0\xBB\xD0\xBE\xD1\x81\xD1\x8C \xD0\xB7\xD0\xB0\xD0\xBF\xD1\x83\xD1\x81\xD1\x82\xD0\xB8\xD1\x82\xD1\x8C" }, /* не удалось запустить */
    { EX_PH_NOT_STARTING, "es", "no se inicia" },
    { EX_PH_NOT_STARTING, "it", "non si avvia" },
    { EX_PH_NOT_STARTING, "pt", "n\xC3\xA3o inicia" }, /* não inicia */
    { EX_PH_NOT_STARTING, "ja", "\xE9\x96\x8B\xE5\xA7\x8B\xE3\x81\xA7\xE3\x81\x8D\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93" }, /* 開始できません */
    { EX_PH_NOT_STARTING, "ja", "\xE8\xB5\xB7\xE5\x8B\x95\xE3\x81\x97\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93" }, /* 起動しません */
    { EX_PH_NOT_STARTING, "pl", "nie uruchamia si\xC4\x99" }, /* nie uruchamia się */
    { EX_PH_NOT_STARTING, "nl", "start niet" },
    /* A start told loosely ("sppsvc needs to start", "tried to start it") or the command that
     * starts a service ("sc start sppsvc error code 577", en-ticket-mas-935-sppsvc-577): no
     * failure of its own, but beside the Win32 error it gave, that error is the start's */
    { EX_PH_START, "en", "to start" },
    { EX_PH_START, "en", "not start" },
    { EX_PH_START, "en", "sc start" },
    { EX_PH_START, "en", "net start" },
    /* Words that announce the texts a screen shows, as a guide writes them before quoting
     * them: "zobaczysz tę wiadomość na stronie Aktywacja:" and then Settings' text
     * (neg-pl-kb-20530-reactivating-after-hardware-change), "...のメッセージは 下記のような
     * タイプがあります" and a table of them (neg-ja-blog-takaibiki-activation-settings-explainer):
     * the lines after them quote an example, no machine's state; and the answers a service or
     * a tool may give, listed after "responds with either:" (neg-en-docs-ntriver-pkeymaster-
     * key-activation: "..., meaning activation succeeded." / "..., meaning activation
     * failed.") */
    { EX_PH_SHOWN, "en", "you will see" },
    { EX_PH_SHOWN, "en", "you'll see" },
    { EX_PH_SHOWN, "en", "you should see" },
    { EX_PH_SHOWN, "en", "you will get the message" },
    { EX_PH_SHOWN, "en", "either:" },
    { EX_PH_SHOWN, "en", "one of the following" },
    { EX_PH_SHOWN, "pl", "zobaczysz" },
    { EX_PH_SHOWN, "de", "sehen Sie folgende" },
    { EX_PH_SHOWN, "fr", "vous verrez" },
    { EX_PH_SHOWN, "es", "ver\xC3\xA1s" }, /* verás */
    { EX_PH_SHOWN, "es", "ver\xC3\xA1 el mensaje" }, /* verá el mensaje */
    { EX_PH_SHOWN, "it", "vedrai" },
    { EX_PH_SHOWN, "pt", "voc\xC3\xAA ver\xC3\xA1" }, /* você verá */
    { EX_PH_SHOWN, "ru", "\xD0\xB2\xD1\x8B \xD1\x83\xD0\xB2\xD0\xB8\xD0\xB4\xD0\xB8\xD1\x82\xD0\xB5" }, /* вы увидите */
    { EX_PH_SHOWN, "ja", "\xE4\xB8\x8B\xE8\xA8\x98\xE3\x81\xAE\xE3\x82\x88\xE3\x81\x86\xE3\x81\xAA" }, /* 下記のような */
    { EX_PH_SHOWN, "ja", "\xE4\xBB\xA5\xE4\xB8\x8B\xE3\x81\xAE\xE3\x82\x88\xE3\x81\x86\xE3\x81\xAA" }, /* 以下のような */
    { EX_PH_SHOWN, "ja", "\xE6\xAC\xA1\xE3\x81\xAE\xE3\x82\x88\xE3\x81\x86\xE3\x81\xAA" }, /* 次のような */
    { EX_PH_SHOWN, "zh-CN", "\xE6\x82\xA8\xE5\xB0\x86\xE7\x9C\x8B\xE5\x88\xB0" }, /* 您将看到 */
    { EX_PH_SHOWN, "zh-CN", "\xE4\xBD\xA0\xE4\xBC\x9A\xE7\x9C\x8B\xE5\x88\xB0" }, /* 你会看到 */
    { EX_PH_SHOWN, "zh-CN", "\xE5\xB0\x86\xE4\xBC\x9A\xE7\x9C\x8B\xE5\x88\xB0" }, /* 将会看到 */
    /* Words that give the codes after them as examples of what a reader may see, as guides
     * and answers write them ("Note the error code shown (for example: 0xC004C003, ...)",
     * "If the key is reported as invalid (e.g. 0xC004C003 or 0xC004F034)":
     * en-qa-answers-5924913-key-rejected): the writer illustrates, no machine reported them. */
    { EX_PH_EXAMPLE, "en", "e.g." },
    { EX_PH_EXAMPLE, "en", "e. g." },
    { EX_PH_EXAMPLE, "en", "for example" },
    { EX_PH_EXAMPLE, "en", "for instance" },
    { EX_PH_EXAMPLE, "de", "z.B." },
    { EX_PH_EXAMPLE, "de", "z. B." },
    { EX_PH_EXAMPLE, "de", "zum Beispiel" },
    { EX_PH_EXAMPLE, "de", "beispielsweise" },
    { EX_PH_EXAMPLE, "fr", "par exemple" },
    { EX_PH_EXAMPLE, "fr", "p. ex." },
    { EX_PH_EXAMPLE, "es", "por ejemplo" },
    { EX_PH_EXAMPLE, "es", "p. ej." },
    { EX_PH_EXAMPLE, "it", "ad esempio" },
    { EX_PH_EXAMPLE, "it", "per esempio" },
    { EX_PH_EXAMPLE, "pt", "por exemplo" },
    { EX_PH_EXAMPLE, "pl", "na przyk\xC5\x82\x61\x64" }, /* na przykład */
    { EX_PH_EXAMPLE, "ru", "\xD0\xBD\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80" }, /* например */
    { EX_PH_EXAMPLE, "zh-CN", "\xE4\xBE\x8B\xE5\xA6\x82" }, /* 例如 */
    { EX_PH_EXAMPLE, "zh-CN", "\xE6\xAF\x94\xE5\xA6\x82" }, /* 比如 */
    { EX_PH_EXAMPLE, "ja", "\xE4\xBE\x8B\xE3\x81\x88\xE3\x81\xB0" }, /* 例えば */
    { EX_PH_EXAMPLE, "ja", "\xE3\x81\x9F\xE3\x81\xA8\xE3\x81\x88\xE3\x81\xB0" }, /* たとえば */
    { EX_PH_EXAMPLE, "ko", "\xEC\x98\x88\xEB\xA5\xBC \xEB\x93\xA4\xEC\x96\xB4" }, /* 예를 들어 */
    /* Remote Desktop licensing: an RD licence server is activated and holds client access
     * licences of its own; a text about it ("在环境中安装了远程桌面许可证，但从未将它激活",
     * neg-zh-kb-azure-rdp-no-license-server) tells nothing of Windows' or Office's activation.
     * Names as Microsoft's localized Remote Desktop articles write them; no abbreviation
     * ("RD licensing"): phrases match inside words ("standard licensing"). */
    { EX_PH_OTHER_LICENSING, "en", "Remote Desktop licens" },
    { EX_PH_OTHER_LICENSING, "en", "Remote Desktop Services licens" },
    { EX_PH_OTHER_LICENSING, "en", "Terminal Server licens" },
    { EX_PH_OTHER_LICENSING, "en", "Terminal Services licens" },
    { EX_PH_OTHER_LICENSING, "de", "Remotedesktoplizenz" },
    { EX_PH_OTHER_LICENSING, "de", "Remotedesktop-Lizenz" },
    { EX_PH_OTHER_LICENSING, "fr", "licences des services Bureau \xC3\xA0 distance" }, /* licences des services Bureau à distance */
    { EX_PH_OTHER_LICENSING, "fr", "gestionnaire de licences des services Bureau" },
    { EX_PH_OTHER_LICENSING, "es", "licencias de Escritorio remoto" },
    { EX_PH_OTHER_LICENSING, "zh-CN", "\xE8\xBF\x9C\xE7\xA8\x8B\xE6\xA1\x8C\xE9\x9D\xA2\xE8\xAE\xB8\xE5\x8F\xAF" }, /* 远程桌面许可 */
    { EX_PH_OTHER_LICENSING, "zh-CN", "\xE8\xBF\x9C\xE7\xA8\x8B\xE6\xA1\x8C\xE9\x9D\xA2\xE6\x8E\x88\xE6\x9D\x83" }, /* 远程桌面授权 */
    { EX_PH_OTHER_LICENSING, "zh-TW", "\xE9\x81\xA0\xE7\xAB\xAF\xE6\xA1\x8C\xE9\x9D\xA2\xE6\x8E\x88\xE6\xAC\x8A" }, /* 遠端桌面授權 */
    { EX_PH_OTHER_LICENSING, "ja", "\xE3\x83\xAA\xE3\x83\xA2\xE3\x83\xBC\xE3\x83\x88 \xE3\x83\x87\xE3\x82\xB9\xE3\x82\xAF\xE3\x83\x88\xE3\x83\x83\xE3\x83\x97 \xE3\x83\xA9\xE3\x82\xA4\xE3\x82\xBB\xE3\x83\xB3\xE3\x82\xB9" }, /* リモート デスクトップ ライセンス */
    { EX_PH_OTHER_LICENSING, "ko", "\xEC\x9B\x90\xEA\xB2\xA9 \xEB\x8D\xB0\xEC\x8A\xA4\xED\x81\xAC\xED\x86\xB1 \xEB\x9D\xBC\xEC\x9D\xB4\xEC\x84\xA0\xEC\x8A\xA4" }, /* 원격 데스크톱 라이선스 */
    /* Further languages: append a block here, naming its source. */
};

bool ex_phrase_ends_at(enum ex_phrase what, const char *text, size_t end)
{
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++) {
        size_t n = strlen(phrases[i].text);
        if (phrases[i].what == what && n <= end &&
            strncasecmp(text + end - n, phrases[i].text, n) == 0 &&
            (end == n || (unsigned char)text[end - n] >= 0x80 ||
             !ex_word_byte((unsigned char)text[end - n - 1])))
            return true;
    }
    return false;
}

#define NPHRASES (sizeof phrases / sizeof phrases[0])

/* Each kind's phrases by their first byte (ASCII letters lowered), with their lengths: the
 * code fallback asks for several kinds on every line of every input, and picking a kind's rows
 * out of the table and trying each at every byte cost more than all the readers of a short
 * paste together. Data of the build, as the rows' index above (phrases_index.h). */
_Static_assert(NPHRASES < UINT16_MAX, "phrase indexes fit 16 bits");
#ifdef EX_INDEX_GENERATOR
static uint16_t phrase_kind_base[EX_PH_KIND_COUNT + 1]; /* kind k: [base[k], base[k + 1]) */
static uint16_t phrase_kind_row[NPHRASES];               /* the table's rows, kind by kind */
static uint16_t phrase_kind_order[NPHRASES];             /* within a kind, by first byte */
static uint8_t phrase_kind_len[NPHRASES];
static uint16_t phrase_kind_start[EX_PH_KIND_COUNT][257];
#else
#include "phrases_index.h"
_Static_assert(sizeof phrase_kind_row / sizeof phrase_kind_row[0] == NPHRASES &&
                   sizeof phrase_kind_start / sizeof phrase_kind_start[0] == EX_PH_KIND_COUNT,
               "phrases_index.h is this table's");
#endif

size_t ex_phrase_row_count(void)
{
    return NPHRASES;
}

enum ex_phrase ex_phrase_row_at(size_t index, const char **text)
{
    *text = index < NPHRASES ? phrases[index].text : NULL;
    return index < NPHRASES ? phrases[index].what : EX_PH_KIND_COUNT;
}

bool ex_phrase_in(enum ex_phrase what, const char *text, size_t len)
{
    if ((unsigned)what >= EX_PH_KIND_COUNT)
        return false;
    const uint16_t *start = phrase_kind_start[what];
    const uint16_t *order = phrase_kind_order + phrase_kind_base[what];
    const uint16_t *kind_rows = phrase_kind_row + phrase_kind_base[what];
    const uint8_t *lens = phrase_kind_len + phrase_kind_base[what];
    for (size_t at = 0; at < len; at++) {
        unsigned char c = (unsigned char)text[at] | 0x20;
        for (size_t j = start[c]; j < start[c + 1]; j++) { /* none for most bytes */
            const unsigned char *p = (const unsigned char *)phrases[kind_rows[order[j]]].text;
            size_t pn = lens[order[j]];
            if (pn <= len - at &&
                (pn == 1 || (p[1] | 0x20) == ((unsigned char)text[at + 1] | 0x20)) &&
                strncasecmp(text + at, (const char *)p, pn) == 0)
                return true;
        }
    }
    return false;
}
