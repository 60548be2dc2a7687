/* SPDX-License-Identifier: MIT */
/* prose_words.c: the words in which people tell an activation state or failure in prose, per
 * language, as data (what each kind of word does: prose.h), and the matcher that finds them.
 * Words are the languages' own vocabulary, lower case; where a corpus paste (tests/explain/
 * corpus) uses one, the comment names the paste. */
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "prose.h"

#define EN EXW_EN
#define DE EXW_DE
#define FR EXW_FR
#define ES EXW_ES
#define IT EXW_IT
#define PT EXW_PT
#define RU EXW_RU
#define PL EXW_PL
#define NL EXW_NL
#define JA EXW_JA
#define ZH EXW_ZH
#define KO EXW_KO
#define HU EXW_HU
#define ID EXW_ID
#define CS EXW_CS
#define VI EXW_VI
#define TR EXW_TR
#define RO EXW_RO
#define NO EXW_NO
#define UK EXW_RU /* Ukrainian: Russian's bit (prose.h) */
#define ALL EXW_ALL

#define S EXW_STEM
#define V EXW_VERB
#define X EXW_SELF
#define WK EXW_WEAK
#define BF EXW_BEFORE
#define N EXW_NEGATING
#define AH EXW_AHEAD
#define AU EXW_AUX
#define OP EXW_OF_PRODUCT

#define W(kind, flags, langs, text) { text, sizeof(text) - 1, kind, flags, langs }

/* Subject and product words come first: a line's first pass tries only these. */
static const struct ex_prose_word words[] = {
    /* --- activation and licence --- */
    /* "activation failed" (en-ticket-mas-1103), "unable to activate" (en-ticket-pykms-138-
     * server2022), "activation was successful" (en-ticket-mas-622-upk) */
    W(EXW_ACT, S, EN | FR, "activat"),
    W(EXW_ACT, V, EN, "activated"), /* "not activated" (en-ticket-vlmcsd-37-settings) */
    W(EXW_ACT, V, EN, "activating"), /* "not activating" (en-ticket-mas-42-o365) */
    W(EXW_ACT, V, EN, "activate"),
    W(EXW_ACT, S, EN | FR, "reactivat"),
    /* "license is expired" (en-ticket-packer-templates-10), "cannot verify the license"
     * (en-ticket-mas-531-office-verify) */
    W(EXW_ACT, S, EN | NO, "licens"), /* da, sv licens */
    W(EXW_ACT, V, EN, "licensed"),
    W(EXW_ACT, V, EN, "license"), /* "do not license" (en-ticket-cloudbase-init-49) */
    W(EXW_ACT, S, EN | FR | CS | HU, "licenc"), /* cs licence, sk licencia, hu licenc */
    /* words that are themselves "not activated": "in Office it still shows as unactivated"
     * (en-ticket-dockerkms-16-office-unactivated), "Windows deactivates after running a Docker
     * container" (en-ticket-moby-40545-watermark), "Windows states it needs to be activated"
     * (en-ticket-automatedlab-1286-needs-activation); not the imperative "deactivate" */
    W(EXW_UNLICENSED, X, EN, "unactivated"),
    W(EXW_UNLICENSED, X, EN, "deactivated"),
    W(EXW_UNLICENSED, X, EN, "deactivates"),
    W(EXW_UNLICENSED, X, EN, "deactivating"), /* "Windows keeps deactivating" */
    /* the watermark's own second line ("Go to Settings to activate Windows."), a notice only
     * the unactivated see */
    W(EXW_UNLICENSED, X | EXW_NAMES, EN, "settings to activate windows"),
    W(EXW_UNLICENSED, X, EN, "needs to be activated"),
    W(EXW_UNLICENSED, X, EN, "need to be activated"),
    W(EXW_UNLICENSED, X | S, EN, "needs to be activat"), /* "need to be activate" as written */
    W(EXW_UNLICENSED, X | S, EN, "need to be activat"),
    W(EXW_UNLICENSED, X | S, EN, "must be activat"),
    /* "I need to activate the evaluation edition" (en-ticket-detectionlab-377-eval): the
     * writer's own machine; "you need to activate" is a how-to's */
    W(EXW_UNLICENSED, X, EN, "i need to activate"),
    W(EXW_UNLICENSED, X, EN, "we need to activate"),
    W(EXW_UNLICENSED, X, EN, "needs activation"),
    W(EXW_UNLICENSED, X, EN, "needs activating"),
    W(EXW_UNLICENSED, X, EN, "requires activation"),
    W(EXW_ACT, EXW_NAMES, EN | CS, "product key"), /* cs, sk "kód Product Key" */
    W(EXW_ACT, EXW_NAMES, ALL, "kms"),
    W(EXW_ACT, EXW_NAMES, ALL, "gvlk"),
    /* a Multiple Activation Key ("The MAK key has run out of activations"); not Indonesian,
     * where mak is a word of its own */
    W(EXW_ACT, EXW_NAMES, ALL & ~ID, "mak"),
    /* the watermark's text quoted ("shows \"Activate Windows\" in the corner") */
    W(EXW_MARK, 0, EN, "\"activate windows\""),
    W(EXW_MARK, 0, EN, "activate windows watermark"), /* a name of the watermark, no verb */
    W(EXW_MARK, 0, EN, "'activate windows'"), /* (en-ticket-mas-1547-eval-2025-activate-windows) */
    W(EXW_MARK, 0, EN, "\xE2\x80\x98" "activate windows\xE2\x80\x99"),
    W(EXW_MARK, 0, EN, "\xE2\x80\x9c" "activate windows\xE2\x80\x9d"),
    /* reduced functionality: the notification state as Vista and Office name it ("Office is
     * in reduced functionality mode") */
    W(EXW_EXPIRED, X, EN, "reduced functionality"),
    W(EXW_ACT, S, DE, "aktivier"),
    W(EXW_ACT, S | V, DE, "aktiviert"), /* "nicht aktiviert" (de-blog-silverpc-0x803fa067) */
    W(EXW_ACT, S, DE, "reaktivier"),
    W(EXW_ACT, S, DE, "lizenz"),
    W(EXW_ACT, S | V, DE, "lizenziert"),
    W(EXW_ACT, 0, DE, "produktschlüssel"),
    W(EXW_ACT, S | V, FR, "activé"), /* "non activé" (fr-blog-0xC004C003-ittrip-update) */
    W(EXW_ACT, S, FR, "réactiv"),
    /* "la clé de licence a été désactivée" (fr-blog-henri-cheli-contrefacon) */
    W(EXW_UNLICENSED, X | S, FR, "désactivé"),
    W(EXW_ACT, S, ES, "activaci"),
    W(EXW_ACT, S | V, ES, "activar"),
    W(EXW_ACT, S | V, ES | PT, "activad"),
    W(EXW_ACT, V, ES, "activó"),
    W(EXW_ACT, S, ES, "licencia"),
    W(EXW_ACT, S, IT, "attivazion"),
    W(EXW_ACT, S | V, IT, "attivar"),
    W(EXW_ACT, S | V, IT, "attivat"),
    W(EXW_ACT, S, IT, "licenz"), /* "scadenza della licenza" (it-blog-nexsys-licenza-in-scadenza) */
    W(EXW_ACT, S, PT, "ativaç"),
    W(EXW_ACT, S, PT, "activaç"),
    W(EXW_ACT, S | V, PT, "ativar"),
    W(EXW_ACT, S | V, PT, "ativad"),
    W(EXW_ACT, S, PT, "licenç"),
    W(EXW_ACT, S, RU, "активац"),
    W(EXW_ACT, S | V, RU, "активир"),
    W(EXW_ACT, S, RU, "лиценз"),
    W(EXW_ACT, S, PL, "aktywac"),
    W(EXW_ACT, S | V, PL, "aktywow"),
    W(EXW_ACT, S, PL, "licencj"),
    W(EXW_ACT, S | V, FR | NL, "activer"), /* activer; activering, activeren */
    W(EXW_ACT, S | V, NL, "geactiveerd"),
    W(EXW_ACT, S, NL, "licentie"),
    W(EXW_ACT, S | V, NL, "gelicentieerd"),
    /* "ライセンス認証されていません" (ja-blog-0xC004F213-dot1). ライセンス認証, 정품 인증 and
     * 许可证 are Windows' own words for its activation and licence: they name the product as
     * "Windows" does (zh-ticket-pentestwin-35-expired: 许可证过期, no other word names it) */
    W(EXW_ACT, V | EXW_NAMES, JA, "ライセンス認証"),
    W(EXW_ACT, V, JA, "ライセンス"),
    W(EXW_ACT, V, JA, "アクティベーション"),
    W(EXW_ACT, V, JA, "アクティベート"),
    W(EXW_ACT, V, JA, "アクティブ化"),
    /* 激活 also activates game keys and accounts (neg-zh-steam-key-2): weak */
    W(EXW_ACT, V | WK, ZH, "激活"), /* 不能激活 (zh-ticket-heu-136) */
    W(EXW_ACT, V | EXW_NAMES, ZH, "许可证"), /* 许可证即将过期 (zh-blog-tencent-769055) */
    W(EXW_ACT, V, ZH, "授权"),
    W(EXW_UNLICENSED, X | WK, ZH, "未激活"), /* 未激活状态 (zh-ticket-cmwtat-54) */
    W(EXW_UNLICENSED, X | WK, ZH, "没有激活"),
    W(EXW_UNLICENSED, X | WK, ZH, "没激活"),
    W(EXW_SUCCEEDED, X | WK, ZH, "已激活"),
    W(EXW_SUCCEEDED, X | WK, ZH, "已经激活"), /* 已经激活状态 (zh-ticket-kmsserver-5) */
    /* 啟動 is Office's activation in zh-TW ("產品啟動失敗", zh-TW-ticket-otp-561-office-verify),
     * and also "start": weak */
    W(EXW_ACT, V | WK, ZH, "啟動"),
    W(EXW_ACT, EXW_NAMES, ZH, "產品金鑰"),
    W(EXW_UNLICENSED, X | WK, ZH, "沒有啟用"),
    /* Traditional Chinese (zh-TW) writes 啟用 and 授權; 啟用 also enables any feature: weak */
    W(EXW_ACT, V | WK, ZH, "啟用"),
    W(EXW_ACT, V, ZH, "授權"),
    W(EXW_ACT, V | EXW_NAMES, ZH, "許可證"),
    W(EXW_UNLICENSED, X | WK, ZH, "未啟用"),
    W(EXW_SUCCEEDED, X | WK, ZH, "已啟用"),
    W(EXW_ACT, V | EXW_NAMES, KO, "정품 인증"),
    W(EXW_ACT, V | EXW_NAMES, KO, "정품인증"),
    W(EXW_ACT, V, KO, "활성화"),
    W(EXW_ACT, V, KO, "라이선스"),
    W(EXW_ACT, V, KO, "라이센스"),
    /* 인증 alone (verification) is activation in tickets ("인증이 안되는 현상",
     * ko-ticket-mas-1395-office), and a certificate's or a login's too: weak */
    W(EXW_ACT, V | WK, KO, "인증"),
    W(EXW_FAILED, X, DE, "aktivierungsfehler"),

    /* --- hu, id, cs and sk, vi, tr, ro, uk, da, nb and sv: each language's plain words for
     * activation and licence (Windows' own where it has one: hu aktiválás, id aktivasi, cs
     * aktivace, sk aktivácia, vi kích hoạt, tr etkinleştirme, ro activare, uk активація, sv
     * aktivering) --- */
    /* "akan terlihat bahwa Windows belum diaktifkan" (id-blog-panduanpc-minta-aktivasi-ulang) */
    W(EXW_ACT, S, ID, "aktivasi"),
    W(EXW_ACT, V, ID, "diaktifkan"),
    W(EXW_ACT, V, ID, "mengaktifkan"),
    W(EXW_ACT, V, ID, "teraktivasi"),
    W(EXW_ACT, V, ID, "aktif"), /* "Windows tidak aktif lagi" */
    W(EXW_ACT, S, ID, "lisensi"),
    W(EXW_ACT, EXW_NAMES, ID, "kunci produk"),
    W(EXW_ACT, S | V, HU, "aktivál"),
    W(EXW_ACT, EXW_NAMES, HU, "termékkulcs"),
    W(EXW_ACT, S, CS, "aktivac"),
    W(EXW_ACT, S, CS, "aktivác"),
    W(EXW_ACT, S | V, CS, "aktivov"),
    W(EXW_UNLICENSED, X | S, CS, "neaktivov"),
    W(EXW_ACT, V, VI, "kích hoạt"),
    W(EXW_ACT, 0, VI, "giấy phép"),
    W(EXW_ACT, S | V, TR, "etkinleştir"),
    W(EXW_ACT, S, TR, "aktivasyon"),
    W(EXW_ACT, V, TR, "aktive"),
    W(EXW_ACT, S, TR, "lisans"),
    W(EXW_ACT, EXW_NAMES, TR, "ürün anahtarı"),
    W(EXW_FAILED, X | S, TR, "etkinleştirilemedi"),
    W(EXW_FAILED, X | S, TR, "etkinleştirilemiyor"),
    W(EXW_UNLICENSED, X | S, TR, "etkinleştirilmedi"),
    W(EXW_UNLICENSED, X | S, TR, "etkinleştirilmemiş"),
    W(EXW_ACT, S, RO, "activare"),
    W(EXW_ACT, S, RO, "licenț"),
    W(EXW_UNLICENSED, X | S, RO, "neactivat"),
    W(EXW_UNLICENSED, X | S, RO, "nu este activat"),
    W(EXW_UNLICENSED, X | S, RO, "nu a fost activat"),
    W(EXW_ACT, S | V, UK, "активова"),
    W(EXW_ACT, S | V, UK, "активу"),
    W(EXW_ACT, S, UK, "ліценз"),
    W(EXW_ACT, S | V, NO, "aktiver"),
    W(EXW_ACT, S, NO, "lisens"),
    W(EXW_ACT, EXW_NAMES, NO, "produktnøgle"),
    W(EXW_ACT, EXW_NAMES, NO, "produktnøkkel"),
    W(EXW_ACT, EXW_NAMES, NO, "produktnyckel"),

    /* --- licence periods --- */
    W(EXW_PERIOD, EXW_NAMES, EN, "evaluation period"),
    W(EXW_PERIOD, S | EXW_NAMES, EN, "evaluation edition"),
    W(EXW_PERIOD, 0, EN, "evaluation"),
    W(EXW_PERIOD, 0, EN, "eval"),
    W(EXW_PERIOD, EXW_NAMES, EN, "grace period"),
    W(EXW_PERIOD, 0, EN, "trial period"),
    W(EXW_PERIOD, 0, EN, "trial"),
    W(EXW_PERIOD, S, DE, "testzeitraum"),
    W(EXW_PERIOD, S, DE, "testphase"),
    W(EXW_PERIOD, S, DE, "testversion"),
    W(EXW_PERIOD, S, DE, "evaluierung"),
    W(EXW_PERIOD, S, DE, "toleranzzeitraum"),
    W(EXW_PERIOD, 0, FR, "période d'évaluation"),
    W(EXW_PERIOD, 0, FR, "période d'essai"),
    W(EXW_PERIOD, 0, FR, "période de grâce"),
    W(EXW_PERIOD, 0, ES | PT, "período de evaluación"),
    W(EXW_PERIOD, 0, ES, "periodo de evaluación"),
    W(EXW_PERIOD, 0, ES | PT, "período de prueba"),
    W(EXW_PERIOD, 0, ES, "periodo de prueba"),
    W(EXW_PERIOD, 0, IT, "periodo di valutazione"),
    W(EXW_PERIOD, 0, IT, "periodo di prova"),
    W(EXW_PERIOD, 0, PT, "período de avaliação"),
    W(EXW_PERIOD, 0, PT, "período de teste"),
    W(EXW_PERIOD, S, RU, "пробн"),
    W(EXW_PERIOD, S, RU, "ознакомительн"),
    W(EXW_PERIOD, S, RU, "льготн"),
    W(EXW_PERIOD, 0, PL, "okres próbny"),
    W(EXW_PERIOD, 0, PL, "okres ewaluacyjny"),
    W(EXW_PERIOD, 0, PL, "okres karencji"),
    W(EXW_PERIOD, S, NL, "evaluatieperiode"),
    W(EXW_PERIOD, S, NL, "proefperiode"),
    W(EXW_PERIOD, 0, JA, "評価期間"),
    W(EXW_PERIOD, 0, JA, "猶予期間"),
    W(EXW_PERIOD, 0, JA, "試用期間"),
    W(EXW_PERIOD, 0, ZH, "评估期"),
    W(EXW_PERIOD, 0, ZH, "试用期"),
    W(EXW_PERIOD, 0, ZH, "宽限期"),
    W(EXW_PERIOD, 0, ZH, "評估期"),
    W(EXW_PERIOD, 0, ZH, "試用期"),
    W(EXW_PERIOD, 0, ZH, "寬限期"),
    W(EXW_PERIOD, 0, KO, "평가 기간"),
    W(EXW_PERIOD, 0, KO, "유예 기간"),

    /* --- the watermark (en-ticket-mas-1305-watermark: "the “Activate Windows” watermark had
     * returned") --- */
    W(EXW_MARK, S, EN, "watermark"),
    W(EXW_MARK, S, DE, "wasserzeichen"),
    W(EXW_MARK, S, FR, "filigrane"),
    W(EXW_MARK, 0, ES, "marca de agua"),
    W(EXW_MARK, S, IT, "filigran"),
    W(EXW_MARK, 0, PT, "marca d'água"),
    W(EXW_MARK, 0, RU, "водяной знак"),
    W(EXW_MARK, 0, PL, "znak wodny"),
    W(EXW_MARK, S, NL, "watermerk"),
    W(EXW_MARK, 0, JA, "透かし"),
    W(EXW_MARK, 0, JA, "ウォーターマーク"),
    W(EXW_MARK, 0, ZH, "水印"),
    W(EXW_MARK, 0, ZH, "浮水印"),
    W(EXW_MARK, 0, KO, "워터마크"),

    /* --- what stands for the product, read only beside a bad outcome (prose_read.c): "but
     * this product is still unlicensed" (en-ticket-office2021-21z-2-still-unlicensed); "it",
     * only after a subject or product word of its sentence ("The Windows 10 box says it is
     * expired", en-ticket-detectionlab-446-rearm) --- */
    W(EXW_REFER, 0, EN, "this product"),
    W(EXW_REFER, 0, EN, "this copy"),
    /* "your copy of Office doesn't work in a shared computer scenario" (en-ticket-deployoffice-
     * 381-shared-computer), "this copy of Windows is not genuine" */
    W(EXW_REFER, EXW_NAMES, EN, "copy of windows"),
    W(EXW_REFER, EXW_NAMES, EN, "copy of office"),
    W(EXW_REFER, EXW_NAMES, EN, "copy of microsoft"),
    W(EXW_REFER, 0, EN, "the box"),
    W(EXW_REFER, 0, EN, "this box"),
    W(EXW_REFER, 0, EN, "the machine"),
    W(EXW_REFER, 0, EN, "this machine"),
    W(EXW_REFER, 0, EN, "the vm"),
    W(EXW_REFER, 0, EN, "this vm"),
    W(EXW_REFER, 0, DE, "dieses produkt"),
    W(EXW_REFER, 0, FR, "ce produit"),
    W(EXW_REFER, 0, ES, "este producto"),
    W(EXW_REFER, 0, PT, "este produto"),
    W(EXW_REFER, 0, IT, "questo prodotto"),
    W(EXW_REFER, 0, ZH, "该产品"),
    W(EXW_REFER, 0, ZH, "此产品"),
    W(EXW_REFER, 0, ZH, "這個產品"),
    W(EXW_REFER, 0, ZH, "这个产品"),
    W(EXW_REFER, 0, JA, "この製品"),
    W(EXW_PRONOUN, 0, EN, "it"),
    /* "this product key" is a key, not the product */
    W(EXW_ACT, EXW_NAMES, EN, "this product key"),
    /* a key, told of without "product" ("the key is expired", en-ticket-metasploitable3-517-
     * eval; "the AVMA key returns the error", en-ticket-serverdocs-1580-avma-key); a registry
     * key or a keyboard's too: weak */
    W(EXW_ACT, WK, EN, "key"),
    W(EXW_ACT, WK, FR, "clé"),
    W(EXW_ACT, WK, ES, "clave"),
    W(EXW_ACT, WK, PT, "chave"),
    W(EXW_ACT, WK | S, RU, "ключ"),
    W(EXW_ACT, WK, ZH, "密钥"),
    W(EXW_ACT, WK, ZH, "金鑰"),
    W(EXW_ACT, EXW_NAMES, FR, "clé de produit"),
    W(EXW_ACT, EXW_NAMES, ES, "clave de producto"),
    W(EXW_ACT, EXW_NAMES, PT, "chave de produto"),
    W(EXW_ACT, EXW_NAMES, ZH, "产品密钥"),
    W(EXW_ACT, EXW_NAMES, JA, "プロダクトキー"),
    /* "not genuine": Windows' own notice of a copy that failed validation ("この Windows の
     * コピーは正規品ではありません", ja-blog-cafebreak-activated-but-not-genuine; "a cópia do
     * seu Windows não é genuína", pt-blog-safepctuga-windows-nao-genuino) */
    W(EXW_UNLICENSED, X, EN, "not genuine"),
    W(EXW_UNLICENSED, X, EN, "non-genuine"),
    W(EXW_UNLICENSED, X, EN, "isn't genuine"),
    W(EXW_UNLICENSED, X, EN, "no longer genuine"),
    /* "Your license is not original" (en-ticket-mas-35-office-not-genuine: Office's notice) */
    W(EXW_UNLICENSED, X, EN, "not original"),
    W(EXW_UNLICENSED, X, EN, "isn't original"),
    /* "tu copia de Windows está desactivada" (es-blog-silverpc-windows-desactivado) */
    W(EXW_UNLICENSED, X | S, ES, "desactivad"),
    W(EXW_UNLICENSED, X | S, PT, "desativad"),
    W(EXW_UNLICENSED, X, JA, "正規品ではない"),
    W(EXW_UNLICENSED, X, JA, "正規品ではあり"),
    W(EXW_UNLICENSED, X, JA, "正規品でない"),
    W(EXW_UNLICENSED, X | S, PT, "não é genuín"),
    W(EXW_UNLICENSED, X | S, PT, "não genuín"),
    W(EXW_UNLICENSED, X | S, ES, "no es genuin"),
    W(EXW_UNLICENSED, X, FR, "n'est pas authentique"),
    W(EXW_UNLICENSED, X, FR, "non authentique"),
    W(EXW_UNLICENSED, X, KO, "정품이 아닙"),
    W(EXW_UNLICENSED, X, KO, "정품이 아닌"),
    W(EXW_UNLICENSED, X | WK, ZH, "非正版"),
    W(EXW_UNLICENSED, X | WK, ZH, "不是正版"),
    W(EXW_UNLICENSED, X | S, RU, "нелицензионн"),
    /* Office's title bar: "Unlicensed Product", 未經授權的產品 (zh-TW-ticket-heu-163-unlicensed-
     * product): the product's own words, naming it */
    W(EXW_UNLICENSED, X | EXW_NAMES, EN, "unlicensed product"),
    W(EXW_UNLICENSED, X | EXW_NAMES, ZH, "未經授權的產品"),
    W(EXW_UNLICENSED, X | EXW_NAMES, ZH, "未经授权的产品"),
    W(EXW_UNLICENSED, X | EXW_NAMES, ZH, "未授权产品"),
    W(EXW_UNLICENSED, X | EXW_NAMES, ZH, "未授權產品"),
    /* "It does activate, but ..." (en-ticket-dockerkms-39-it-activates) */
    W(EXW_SUCCEEDED, X, EN, "does activate"),
    W(EXW_SUCCEEDED, X, EN, "did activate"),
    W(EXW_SUCCEEDED, X, EN, "activated fine"), /* "Office 2021 activated fine" */
    W(EXW_SUCCEEDED, X, EN, "activated ok"),
    W(EXW_SUCCEEDED, X, EN, "activated correctly"),
    W(EXW_SUCCEEDED, X, EN, "activated properly"),

    /* --- outcomes a product word may be the subject of ("Office is unlicensed", "Windows 10
     * has expired"; not "the Windows password expired": prose_read.c), tried by the first
     * pass with the subjects. Expired: "license expired" (en-ticket-detectionlab-415-expired);
     * unlicensed told alone names a state of no machine ("| 0 | Unlicensed |") --- */
    W(EXW_EXPIRED, OP, EN, "expired"),
    W(EXW_EXPIRED, OP, DE, "abgelaufen"),
    W(EXW_EXPIRED, S | OP, FR, "expiré"),
    W(EXW_EXPIRED, S | OP, ES | PT, "expirad"),
    W(EXW_EXPIRED, S | OP, ES, "caducad"),
    W(EXW_EXPIRED, S | OP, IT, "scadut"),
    W(EXW_EXPIRED, S | OP, RU, "истек"),
    W(EXW_EXPIRED, S | OP, RU, "истёк"),
    W(EXW_UNLICENSED, OP, EN, "unlicensed"), /* (en-ticket-office2021-21z-2-still-unlicensed) */

    /* --- products: they let a weak subject count --- */
    W(EXW_PRODUCT, S, ALL, "windows"),
    W(EXW_PRODUCT, S, ALL, "win1"), /* win10, win11 */
    W(EXW_PRODUCT, 0, ALL, "win7"),
    W(EXW_PRODUCT, S, ALL, "win8"),
    W(EXW_PRODUCT, S, ALL, "win2k"), /* win2k8, win2k12 (en-ticket-metasploitable3-517-eval) */
    W(EXW_PRODUCT, 0, ALL, "winxp"),
    W(EXW_PRODUCT, 0, ALL, "win xp"), /* (en-ticket-ievms-225-xp-activation) */
    W(EXW_PRODUCT, S, ALL, "slmgr"),
    W(EXW_PRODUCT, S, ALL, "ospp"),
    /* Windows' own activation service and its window: they name the product ("there is an
     * error with my sppsvc", en-ticket-mas-1584-sppsvc-error; "SLUI 4 for offline (phone)
     * activation", en-ticket-tiny11-504-phone-activation) */
    W(EXW_PRODUCT, S, ALL, "sppsvc"),
    W(EXW_PRODUCT, S, ALL, "slui"),
    W(EXW_PRODUCT, S, ALL, "ltsc"), /* LTSC2021 (zh-ticket-cmwtat-29-ltsc2021) */
    W(EXW_PRODUCT, 0, ALL, "microsoft"),
    W(EXW_PRODUCT, S, ALL, "office"),
    W(EXW_PRODUCT, S, ALL, "server"),
    W(EXW_PRODUCT, 0, ZH, "系统"),
    W(EXW_PRODUCT, 0, ZH, "微软"),
    W(EXW_PRODUCT, 0, ZH, "电脑"),
    W(EXW_PRODUCT, 0, ZH, "专业版"),
    W(EXW_PRODUCT, 0, ZH, "企业版"),
    W(EXW_PRODUCT, 0, ZH, "家庭版"),
    W(EXW_PRODUCT, 0, KO, "윈도우"),
    W(EXW_PRODUCT, 0, KO, "오피스"), /* (ko-ticket-mas-1395-office) */
    W(EXW_PRODUCT, 0, ZH, "系統"),
    W(EXW_PRODUCT, 0, ZH, "微軟"),
    W(EXW_PRODUCT, 0, ZH, "電腦"),
    W(EXW_PRODUCT, 0, ZH, "專業版"),
    W(EXW_PRODUCT, 0, ZH, "家用版"),

    /* --- the texts Windows and Office show about activation: their subject rows
     * (prose_uitext.def; its other rows end the table) --- */
#define UI_SUBJECT(kind, flags, langs, text) W(kind, flags, langs, text),
#define UI_WORD(kind, flags, langs, text)
#include "prose_uitext.def"
#undef UI_SUBJECT
#undef UI_WORD

    /* --- articles and possessives: no word between a verb and its object ("cannot verify
     * the license" is as close as "cannot be activated") --- */
    W(EXW_FILLER, 0, EN, "the"),
    W(EXW_FILLER, 0, EN, "a"),
    W(EXW_FILLER, 0, EN, "an"),
    W(EXW_FILLER, 0, EN, "this"),
    W(EXW_FILLER, EXW_FIRST, EN, "my"),
    W(EXW_FILLER, 0, EN, "its"),
    W(EXW_FILLER, EXW_FIRST, EN, "our"),
    W(EXW_FILLER, 0, EN, "your"),
    W(EXW_FILLER, 0, DE, "die"),
    W(EXW_FILLER, 0, DE, "der"),
    W(EXW_FILLER, 0, DE, "das"),
    W(EXW_FILLER, 0, FR, "le"),
    W(EXW_FILLER, 0, FR, "la"),
    W(EXW_FILLER, 0, FR, "l'"),
    W(EXW_FILLER, 0, FR, "d'"),
    W(EXW_FILLER, 0, ES, "el"),
    W(EXW_FILLER, 0, IT, "il"),
    /* "si bien que" (so that) supposes nothing (fr-news-itespresso-xp-sp1-cle-invalide) */
    W(EXW_FILLER, 0, FR, "si bien que"),

    /* --- failed --- */
    /* "does not" after its subject fails the verb after it, which may be another's ("the KMS
     * current count does not increase", en-kb-quote-supportarticles-kms-count-cmid): AUX;
     * "does not work" and its hedges fail the subject itself */
    W(EXW_FAILED, 0, EN, "does not work"),
    W(EXW_FAILED, 0, EN, "doesn't work"),
    W(EXW_FAILED, 0, EN, "did not work"),
    W(EXW_FAILED, 0, EN, "didn't work"),
    W(EXW_FAILED, 0, EN, "do not work"),
    W(EXW_FAILED, 0, EN, "don't work"),
    W(EXW_FAILED, 0, EN, "does not appear to work"), /* (en-ticket-serverdocs-1580-avma-key) */
    W(EXW_FAILED, 0, EN, "doesn't appear to work"),
    W(EXW_FAILED, 0, EN, "does not seem to work"),
    W(EXW_FAILED, 0, EN, "doesn't seem to work"),
    W(EXW_FAILED, 0, EN, "don't seem to work"),
    /* Office's "There's a problem with your Office license" (en-ticket-mas-52-office-license-
     * problem), "problemas relacionados com a ativação" (pt-news-tecnologiafacil-ativacao-
     * hardware): before its subject, as a failure word */
    W(EXW_FAILED, 0, EN, "problem with"),
    W(EXW_FAILED, 0, EN, "problems with"),
    W(EXW_FAILED, 0, EN, "issue with"),
    W(EXW_FAILED, 0, EN, "issues with"),
    W(EXW_FAILED, 0, EN, "trouble with"),
    W(EXW_FAILED, 0, DE, "problem mit"),
    W(EXW_FAILED, 0, DE, "probleme mit"),
    W(EXW_FAILED, 0, FR, "problème avec"),
    W(EXW_FAILED, 0, FR, "problèmes avec"),
    W(EXW_FAILED, 0, ES | IT, "problema con"),
    W(EXW_FAILED, 0, ES, "problemas con"),
    W(EXW_FAILED, 0, IT, "problemi con"),
    W(EXW_FAILED, 0, PT, "problema com"),
    W(EXW_FAILED, 0, PT, "problemas com"),
    W(EXW_FAILED, 0, PT, "problemas relacionados com"),
    /* "version 2004 is breaking our office activation" (en-ticket-officedocs-support-713-
     * win10-2004) */
    /* "Clients cannot reach the KMS server" reads already; "the KMS host is unreachable" */
    W(EXW_FAILED, 0, EN, "unavailable"), /* "the activation server is unavailable" */
    W(EXW_FAILED, 0, EN, "unreachable"),
    W(EXW_FAILED, 0, EN, "not reachable"),
    W(EXW_FAILED, 0, DE, "nicht erreichbar"),
    W(EXW_FAILED, 0, FR, "injoignable"),
    /* a separable verb's particle at its clause's end: "Die Aktivierung schlägt immer wieder
     * fehl" */
    W(EXW_FAILED, 0, DE, "fehl"),
    W(EXW_FAILED, 0, EN, "broken"),
    W(EXW_FAILED, 0, EN, "breaking"),
    W(EXW_FAILED, 0, EN, "breaks"),
    W(EXW_FAILED, 0, EN, "broke"),
    /* a key or licence refused: invalid, blocked ("l'invalidité de leur clé d'activation",
     * fr-news-itespresso-xp-sp1-cle-invalide; "the key has been blocked") */
    W(EXW_FAILED, S, EN | PT | ES, "invalid"),
    W(EXW_FAILED, S, PT | ES, "inválid"),
    W(EXW_FAILED, S, FR, "invalide"),
    W(EXW_FAILED, S, FR, "invalidit"),
    W(EXW_FAILED, S, DE, "ungültig"),
    W(EXW_FAILED, S, NL, "ongeldig"),
    W(EXW_FAILED, S, PL, "nieprawidłow"),
    W(EXW_FAILED, S, RU, "недействител"),
    W(EXW_FAILED, S, RU, "неверн"),
    W(EXW_FAILED, 0, ZH, "无效"),
    W(EXW_FAILED, 0, ZH, "無效"),
    W(EXW_FAILED, 0, JA, "無効"),
    W(EXW_FAILED, 0, TR, "geçersiz"),
    W(EXW_FAILED, 0, EN, "blocked"),
    W(EXW_FAILED, S, FR, "bloqué"),
    W(EXW_FAILED, S, PT | ES, "bloquead"),
    W(EXW_FAILED, 0, DE, "gesperrt"),
    W(EXW_FAILED, S, RU, "заблокирован"),
    /* ja: できなくなった, 出来ない (ja-blog-pasonal-parts-changed: ライセンス認証が出来なく) */
    W(EXW_FAILED, 0, JA, "できなく"),
    W(EXW_FAILED, 0, JA, "出来ない"),
    W(EXW_FAILED, 0, JA, "出来なく"),
    W(EXW_FAILED, 0, JA, "出来ません"),
    W(EXW_FAILED, S, EN, "fail"),
    W(EXW_FAILED, 0, EN, "unable"),
    W(EXW_FAILED, N, EN, "cannot"), /* "cannot be activated" (en-ticket-mas-561) */
    /* "cannot be used to activate Office" (en-ticket-deployoffice-870-sca-products), as
     * Windows says of a key for another edition */
    W(EXW_FAILED, N, EN, "cannot be used to"),
    W(EXW_FAILED, N, EN, "can't be used to"),
    W(EXW_FAILED, N, EN, "can not be used to"),
    /* "XP Home's activation would fail" (en-blog-danielschneller-xp-activation-invalid-key):
     * a failure told, where "would" alone supposes */
    W(EXW_FAILED, 0, EN, "would fail"),
    W(EXW_FAILED, N, EN, "can't"),
    W(EXW_FAILED, N, EN, "can not"),
    W(EXW_FAILED, N, EN, "couldn't"),
    W(EXW_FAILED, N, EN, "could not"),
    W(EXW_FAILED, N, EN, "won't"),
    W(EXW_FAILED, N, EN, "will not"),
    W(EXW_FAILED, N, EN, "wouldn't"),
    W(EXW_FAILED, N, EN, "would not"),
    W(EXW_FAILED, N | AU, EN, "doesn't"),
    W(EXW_FAILED, N | AU, EN, "does not"),
    W(EXW_FAILED, N | AU, EN, "didn't"),
    W(EXW_FAILED, N | AU, EN, "did not"),
    W(EXW_FAILED, N | AU, EN, "don't"),
    W(EXW_FAILED, N | AU, EN, "do not"),
    W(EXW_FAILED, N, EN, "not able"),
    W(EXW_FAILED, 0, EN, "not working"), /* (en-ticket-mas-1305-watermark) */
    W(EXW_FAILED, 0, EN, "isn't working"),
    W(EXW_FAILED, 0, EN, "stopped working"),
    W(EXW_FAILED, 0, EN, "not successful"),
    W(EXW_FAILED, S, EN, "unsuccessful"),
    W(EXW_FAILED, 0, EN | FR, "impossible"),
    W(EXW_FAILED, 0, DE, "fehlgeschlagen"),
    W(EXW_FAILED, 0, DE, "schlägt fehl"),
    W(EXW_FAILED, 0, DE, "schlug fehl"),
    W(EXW_FAILED, 0, DE, "misslungen"),
    W(EXW_FAILED, 0, DE, "gescheitert"),
    W(EXW_FAILED, 0, DE, "scheitert"),
    W(EXW_FAILED, N, DE, "kann nicht"),
    W(EXW_FAILED, N, DE, "konnte nicht"),
    W(EXW_FAILED, N, DE, "lässt sich nicht"),
    W(EXW_FAILED, N, DE, "ließ sich nicht"),
    W(EXW_FAILED, 0, DE, "funktioniert nicht"),
    W(EXW_FAILED, 0, DE, "klappt nicht"),
    W(EXW_FAILED, 0, DE, "nicht möglich"),
    W(EXW_FAILED, 0, DE, "nicht erfolgreich"),
    W(EXW_FAILED, 0, FR, "échec"),
    /* "l'impossibilité d'activer" (fr-news-generationnt-reactivation-hardware) */
    W(EXW_FAILED, S, FR, "impossibilit"),
    W(EXW_FAILED, S, ES, "imposibilidad"),
    W(EXW_FAILED, S, IT, "impossibilità"),
    W(EXW_FAILED, S, PT, "impossibilidade"),
    W(EXW_FAILED, S, FR, "échou"),
    W(EXW_FAILED, N, FR, "ne peut pas"),
    W(EXW_FAILED, N, FR, "ne peux pas"),
    W(EXW_FAILED, N, FR, "n'a pas pu"),
    W(EXW_FAILED, N, FR, "n'ai pas pu"),
    W(EXW_FAILED, N, FR, "n'arrive pas"),
    W(EXW_FAILED, 0, FR, "ne fonctionne pas"),
    W(EXW_FAILED, 0, FR, "ne marche pas"),
    W(EXW_FAILED, S, ES, "fallid"),
    W(EXW_FAILED, 0, ES, "falló"),
    W(EXW_FAILED, 0, ES, "fallo"),
    W(EXW_FAILED, 0, ES, "falla"),
    W(EXW_FAILED, N, ES, "no se puede"),
    W(EXW_FAILED, N, ES, "no se pudo"),
    W(EXW_FAILED, N, ES, "no puedo"),
    W(EXW_FAILED, N, ES, "no pude"),
    W(EXW_FAILED, 0, ES, "no funciona"),
    W(EXW_FAILED, 0, ES, "no es posible"),
    W(EXW_FAILED, 0, ES, "imposible"),
    W(EXW_FAILED, 0, ES, "sin éxito"),
    W(EXW_FAILED, S, IT, "fallit"),
    W(EXW_FAILED, N, IT, "non riesco"),
    W(EXW_FAILED, S, IT, "non riuscit"),
    W(EXW_FAILED, 0, IT, "non funziona"),
    W(EXW_FAILED, 0, IT, "non è possibile"),
    W(EXW_FAILED, 0, IT, "impossibile"),
    W(EXW_FAILED, 0, PT, "falhou"),
    W(EXW_FAILED, S, PT, "falha"),
    W(EXW_FAILED, 0, PT, "não foi possível"),
    W(EXW_FAILED, N, PT, "não consigo"),
    W(EXW_FAILED, N, PT, "não consegui"),
    W(EXW_FAILED, 0, PT, "não funciona"),
    W(EXW_FAILED, 0, PT, "impossível"),
    W(EXW_FAILED, 0, PT, "sem sucesso"),
    W(EXW_FAILED, 0, RU, "не удалось"),
    W(EXW_FAILED, 0, RU, "не удалась"),
    W(EXW_FAILED, 0, RU, "не удаётся"),
    W(EXW_FAILED, 0, RU, "не удается"),
    W(EXW_FAILED, N, RU, "не могу"),
    W(EXW_FAILED, N, RU, "не может"),
    W(EXW_FAILED, 0, RU, "не получается"),
    W(EXW_FAILED, 0, RU, "не получилось"),
    W(EXW_FAILED, 0, RU, "не работает"),
    W(EXW_FAILED, 0, RU, "невозможно"),
    W(EXW_FAILED, 0, RU, "сбой"),
    W(EXW_FAILED, S, PL, "nie powiod"),
    W(EXW_FAILED, 0, PL, "nie udało"),
    W(EXW_FAILED, N, PL, "nie można"),
    W(EXW_FAILED, N, PL, "nie mogę"),
    W(EXW_FAILED, 0, PL, "nie działa"),
    W(EXW_FAILED, S, PL, "nieudan"),
    W(EXW_FAILED, 0, PL, "niepowodzenie"),
    W(EXW_FAILED, 0, NL, "mislukt"),
    W(EXW_FAILED, N, NL, "kan niet"),
    W(EXW_FAILED, N, NL, "kon niet"),
    W(EXW_FAILED, 0, NL, "niet gelukt"),
    W(EXW_FAILED, 0, NL, "lukt niet"),
    W(EXW_FAILED, 0, NL, "werkt niet"),
    W(EXW_FAILED, 0, NL, "niet mogelijk"),
    W(EXW_FAILED, 0, JA | ZH, "失敗"), /* ja; zh-TW */
    W(EXW_FAILED, 0, JA, "できません"),
    W(EXW_FAILED, 0, JA, "できない"),
    W(EXW_FAILED, 0, ZH, "失败"),
    W(EXW_FAILED, N, ZH, "不能"), /* 不能激活 (zh-ticket-heu-136) */
    W(EXW_FAILED, 0, ZH, "无法"),
    W(EXW_FAILED, 0, ZH, "不了"),
    W(EXW_FAILED, N, ZH, "不会"),
    W(EXW_FAILED, N, ZH, "没法"),
    W(EXW_FAILED, N, ZH, "無法"),
    W(EXW_FAILED, N, ZH, "不會"),
    W(EXW_FAILED, N, ZH, "沒法"),
    W(EXW_FAILED, 0, KO, "실패"),
    W(EXW_FAILED, 0, KO, "할 수 없"),
    W(EXW_FAILED, 0, KO, "수 없"),
    W(EXW_FAILED, 0, KO, "안되"), /* "인증이 안되는" (ko-ticket-mas-1395-office) */
    W(EXW_FAILED, 0, KO, "안 되"),
    W(EXW_FAILED, 0, KO, "안됩"),
    W(EXW_FAILED, 0, KO, "안 됩"),
    W(EXW_FAILED, 0, KO, "안 돼"), /* 되어 contracted: "정품 인증이 안 돼요" */
    W(EXW_FAILED, 0, KO, "안돼"),

    /* --- expired --- */
    /* "license expired" (en-ticket-detectionlab-415-expired) */
    W(EXW_EXPIRED, 0, EN, "ran out"),
    W(EXW_EXPIRED, 0, EN, "run out"),
    W(EXW_EXPIRED, 0, EN, "is over"),
    W(EXW_EXPIRED, 0, EN, "ended"),
    W(EXW_EXPIRED, 0, EN, "lapsed"),
    W(EXW_EXPIRED, 0, DE, "ausgelaufen"),
    W(EXW_EXPIRED, S, ES | PT, "vencid"),
    W(EXW_EXPIRED, 0, PT, "expirou"),
    W(EXW_EXPIRED, 0, PT, "venceu"), /* "a licença venceu" (pt-BR-qa-bpiropo-xp-licenca-venceu) */
    W(EXW_EXPIRED, S, RU, "закончил"),
    W(EXW_EXPIRED, S, PL, "wygasł"),
    W(EXW_EXPIRED, 0, NL, "verlopen"),
    W(EXW_EXPIRED, 0, JA, "期限切れ"),
    W(EXW_EXPIRED, 0, JA, "期限が切れ"),
    W(EXW_EXPIRED, 0, JA, "失効"),
    W(EXW_EXPIRED, 0, ZH, "过期"),
    W(EXW_EXPIRED, 0, ZH, "到期"),
    W(EXW_EXPIRED, 0, ZH, "失效"),
    W(EXW_EXPIRED, 0, ZH, "過期"),
    W(EXW_EXPIRED, 0, KO, "만료"),

    /* --- expiring --- */
    W(EXW_EXPIRING, 0, EN, "expiring"),
    W(EXW_EXPIRING, 0, EN, "about to expire"),
    W(EXW_EXPIRING, 0, EN, "will expire"),
    W(EXW_EXPIRING, 0, EN, "expires soon"),
    W(EXW_EXPIRING, 0, EN, "expire soon"),
    W(EXW_EXPIRING, 0, EN, "ends"),
    W(EXW_EXPIRING, 0, EN, "will end"),
    W(EXW_EXPIRING, 0, DE, "läuft ab"),
    W(EXW_EXPIRING, 0, DE, "läuft bald ab"),
    W(EXW_EXPIRING, 0, DE, "abläuft"),
    W(EXW_EXPIRING, 0, DE, "ablaufen"),
    W(EXW_EXPIRING, 0, FR, "expire bientôt"),
    W(EXW_EXPIRING, 0, FR, "va expirer"),
    W(EXW_EXPIRING, 0, FR, "expirera"),
    W(EXW_EXPIRING, 0, ES | PT, "expirará"),
    W(EXW_EXPIRING, 0, ES, "caducará"),
    W(EXW_EXPIRING, 0, ES, "vencerá"),
    W(EXW_EXPIRING, 0, ES, "va a expirar"),
    W(EXW_EXPIRING, 0, PT, "vai expirar"),
    W(EXW_EXPIRING, 0, IT, "scadenza"), /* (it-blog-nexsys-licenza-in-scadenza) */
    W(EXW_EXPIRING, 0, IT, "scadrà"),
    W(EXW_EXPIRING, 0, IT, "sta per scadere"),
    W(EXW_EXPIRING, 0, RU, "истекает"),
    W(EXW_EXPIRING, 0, RU, "истечёт"),
    W(EXW_EXPIRING, 0, RU, "истечет"),
    W(EXW_EXPIRING, 0, PL, "wygasa"),
    W(EXW_EXPIRING, 0, PL, "wygaśnie"),
    W(EXW_EXPIRING, 0, NL, "verloopt"),
    W(EXW_EXPIRING, 0, NL, "loopt af"),
    W(EXW_EXPIRING, 0, JA, "期限が近"),
    W(EXW_EXPIRING, 0, ZH, "即将过期"), /* (zh-blog-tencent-769055) */
    W(EXW_EXPIRING, 0, ZH, "即将到期"),
    W(EXW_EXPIRING, 0, ZH, "快过期"),
    W(EXW_EXPIRING, 0, ZH, "快到期"),
    W(EXW_EXPIRING, 0, ZH, "将过期"),
    W(EXW_EXPIRING, 0, ZH, "将到期"),
    W(EXW_EXPIRING, 0, ZH, "即將過期"),
    W(EXW_EXPIRING, 0, ZH, "即將到期"),
    W(EXW_EXPIRING, 0, ZH, "快過期"),
    W(EXW_EXPIRING, 0, ZH, "將過期"),
    W(EXW_EXPIRING, 0, ZH, "將到期"),
    W(EXW_EXPIRING, 0, KO, "만료 예정"),
    W(EXW_EXPIRING, 0, KO, "만료될"),

    /* --- succeeded --- */
    W(EXW_SUCCEEDED, S, EN, "succe"), /* "activation was successful" (en-ticket-mas-622-upk) */
    /* "permanently activated" (en-xpr-windowspp-1) */
    W(EXW_SUCCEEDED, X, EN, "permanently activated"),
    W(EXW_SUCCEEDED, S, DE, "erfolgreich"),
    W(EXW_SUCCEEDED, S, FR, "réussi"),
    W(EXW_SUCCEEDED, 0, FR, "avec succès"),
    W(EXW_SUCCEEDED, 0, ES | IT, "correctamente"),
    W(EXW_SUCCEEDED, 0, ES, "con éxito"),
    W(EXW_SUCCEEDED, S, ES, "exitos"),
    W(EXW_SUCCEEDED, 0, IT, "correttamente"),
    W(EXW_SUCCEEDED, 0, IT, "con successo"),
    W(EXW_SUCCEEDED, S, IT, "riuscit"),
    W(EXW_SUCCEEDED, 0, PT, "com sucesso"),
    W(EXW_SUCCEEDED, 0, PT, "corretamente"),
    W(EXW_SUCCEEDED, S, RU, "успешн"),
    W(EXW_SUCCEEDED, 0, PL, "pomyślnie"),
    W(EXW_SUCCEEDED, S, PL, "powiodł"),
    W(EXW_SUCCEEDED, 0, PL, "udało się"),
    W(EXW_SUCCEEDED, 0, NL, "geslaagd"),
    W(EXW_SUCCEEDED, 0, NL, "gelukt"),
    W(EXW_SUCCEEDED, 0, NL, "succesvol"),
    W(EXW_SUCCEEDED, 0, JA, "されています"),
    W(EXW_SUCCEEDED, 0, JA | ZH, "成功"),
    W(EXW_SUCCEEDED, 0, KO, "성공"),

    /* --- present (the watermark) --- */
    W(EXW_PRESENT, 0, EN, "back"),
    W(EXW_PRESENT, 0, EN, "returned"), /* (en-ticket-mas-1305-watermark) */
    W(EXW_PRESENT, S, EN, "reappear"),
    W(EXW_PRESENT, S, EN, "appear"),
    W(EXW_PRESENT, 0, EN, "shows"),
    W(EXW_PRESENT, 0, EN, "showing"),
    W(EXW_PRESENT, 0, EN, "showed"),
    W(EXW_PRESENT, 0, EN, "displayed"),
    W(EXW_PRESENT, 0, EN, "displays"), /* "displays the Activation watermark" (en-ticket-moby-40545-watermark) */
    W(EXW_PRESENT, 0, EN, "still there"),
    W(EXW_PRESENT, 0, DE, "wieder da"),
    W(EXW_PRESENT, 0, DE, "erscheint"),
    W(EXW_PRESENT, 0, DE, "erschienen"),
    W(EXW_PRESENT, 0, DE, "angezeigt"),
    W(EXW_PRESENT, 0, DE, "aufgetaucht"),
    W(EXW_PRESENT, S, FR, "réapparu"),
    W(EXW_PRESENT, 0, FR, "apparaît"),
    W(EXW_PRESENT, S, FR, "affiché"),
    W(EXW_PRESENT, 0, FR, "de retour"),
    W(EXW_PRESENT, 0, ES | PT, "aparece"),
    W(EXW_PRESENT, 0, ES, "apareció"),
    W(EXW_PRESENT, 0, ES, "volvió"),
    W(EXW_PRESENT, 0, IT, "appare"),
    W(EXW_PRESENT, S, IT, "ricompars"),
    W(EXW_PRESENT, S, IT, "tornat"),
    W(EXW_PRESENT, 0, PT, "apareceu"),
    W(EXW_PRESENT, 0, PT, "voltou"),
    W(EXW_PRESENT, S, RU, "появил"),
    W(EXW_PRESENT, 0, RU, "появляется"),
    W(EXW_PRESENT, S, RU, "вернул"),
    W(EXW_PRESENT, S, PL, "pojawi"),
    W(EXW_PRESENT, S, PL, "wrócił"),
    W(EXW_PRESENT, 0, NL, "verschijnt"),
    W(EXW_PRESENT, 0, NL, "verschenen"),
    W(EXW_PRESENT, 0, NL, "terug"),
    W(EXW_PRESENT, 0, JA, "表示され"),
    W(EXW_PRESENT, 0, JA, "出て"),
    W(EXW_PRESENT, 0, ZH, "出现"),
    W(EXW_PRESENT, 0, ZH, "显示"),
    W(EXW_PRESENT, 0, ZH, "出現"),
    W(EXW_PRESENT, 0, ZH, "顯示"),
    W(EXW_PRESENT, 0, KO, "나타나"),
    W(EXW_PRESENT, 0, KO, "표시"),
    /* "워터마크가 선명하게 떠 있었습니다" (ko-blog-gihoechance-watermark-monday): 뜨다, of a
     * notice on the screen */
    W(EXW_PRESENT, 0, KO, "떠 있"),
    W(EXW_PRESENT, 0, KO, "떠있"),
    W(EXW_PRESENT, 0, KO, "떴"),
    W(EXW_PRESENT, 0, KO, "뜬다"),
    W(EXW_PRESENT, 0, KO, "뜹니다"),

    /* --- lost: not activated any more, told of a subject ("Windows activation on the host is
     * lost", en-ticket-navcontainerhelper-1331-host) --- */
    W(EXW_UNLICENSED, 0, EN, "lost"),
    W(EXW_UNLICENSED, 0, EN, "gone"), /* "the activation is gone after the update" */
    /* lost in other languages: "perdiam a ativação" (pt-news-tecnologiafacil-ativacao-
     * hardware), "слетела активация" */
    W(EXW_UNLICENSED, S, PT | ES, "perd"),
    W(EXW_UNLICENSED, 0, FR, "perdu"),
    W(EXW_UNLICENSED, 0, IT, "perso"),
    W(EXW_UNLICENSED, S, IT, "perdut"),
    W(EXW_UNLICENSED, 0, DE | NL, "verloren"),
    W(EXW_UNLICENSED, S, RU, "слетел"),
    W(EXW_UNLICENSED, S, RU, "потерял"),
    W(EXW_UNLICENSED, 0, ZH, "丢失"),
    W(EXW_UNLICENSED, 0, ZH, "丟失"),
    W(EXW_UNLICENSED, 0, KO, "풀렸"), /* 정품 인증이 풀렸다: activation came off */
    W(EXW_UNLICENSED, 0, KO, "해제되"), /* 정품 인증이 해제되었습니다: released */
    W(EXW_UNLICENSED, 0, JA, "外れ"), /* ライセンス認証が外れました: came off */
    W(EXW_UNLICENSED, 0, KO, "풀림"),

    /* --- asks to be activated, told before what it asks for: "it still prompting for
     * activation" (en-ticket-ievms-225-xp-activation), "minta aktivasi ulang"
     * (id-blog-solusipc-minta-aktivasi-ulang) --- */
    W(EXW_ASKS, 0, EN, "asking for"),
    W(EXW_ASKS, 0, EN, "asks for"),
    W(EXW_ASKS, 0, EN, "asked for"),
    W(EXW_ASKS, 0, EN, "asking to"),
    W(EXW_ASKS, 0, EN, "asks to"),
    W(EXW_ASKS, 0, EN, "prompting for"),
    W(EXW_ASKS, 0, EN, "prompts for"),
    W(EXW_ASKS, 0, EN, "prompted for"),
    W(EXW_ASKS, 0, EN, "asking me"), /* "keeps asking me to activate" */
    W(EXW_ASKS, 0, EN, "asks me"),
    W(EXW_ASKS, 0, EN, "asked me"),
    W(EXW_ASKS, 0, EN, "prompting me"),
    W(EXW_ASKS, 0, EN, "prompts me"),
    W(EXW_ASKS, 0, ID, "minta"),
    W(EXW_ASKS, 0, ID, "meminta"),
    W(EXW_ASKS, 0, PT, "pede"),
    W(EXW_ASKS, 0, PT, "pedindo"),
    W(EXW_ASKS, 0, ES, "pide"),
    W(EXW_ASKS, 0, ES, "pidiendo"),
    W(EXW_ASKS, 0, PT | ES, "solicita"),
    W(EXW_ASKS, 0, FR, "demande"),
    W(EXW_ASKS, 0, IT, "chiede"),
    W(EXW_ASKS, 0, IT, "richiede"),
    W(EXW_ASKS, 0, DE, "fordert"),
    W(EXW_ASKS, 0, DE, "verlangt"),
    W(EXW_ASKS, 0, RU, "требует"),
    W(EXW_ASKS, 0, RU, "просит"),
    W(EXW_ASKS, 0, PL, "wymaga"),
    W(EXW_ASKS, 0, PL, "prosi o"),
    W(EXW_ASKS, 0, NL, "vraagt om"),
    W(EXW_ASKS, 0, ZH, "要求"),
    W(EXW_ASKS, 0, JA, "求め"),
    W(EXW_ASKS, 0, KO, "요구"),
    W(EXW_ASKS, 0, KO, "받으라는"), /* "정품 인증을 받으라는 메시지": a message telling to activate */
    W(EXW_ASKS, 0, ZH, "需要"), /* 需要激活 */

    /* --- time left to activate: "the windowns need to be activate in 30 days" (en-ticket-
     * dockur-1492-xp-activate-30-days): not activated yet, within its grace period --- */
    W(EXW_LEFT, 0, EN, "within"),
    W(EXW_LEFT, 0, EN, "in # days"),
    W(EXW_LEFT, 0, EN, "days left"),
    W(EXW_LEFT, 0, EN, "days remaining"),
    W(EXW_LEFT, 0, DE, "innerhalb"),
    W(EXW_LEFT, 0, DE, "in # tagen"),
    W(EXW_LEFT, 0, FR, "d'ici"),
    W(EXW_LEFT, 0, FR, "dans # jours"),
    W(EXW_LEFT, 0, ES | PT, "dentro de"),
    W(EXW_LEFT, 0, ES, "en # días"),
    W(EXW_LEFT, 0, PT, "em # dias"),
    W(EXW_LEFT, 0, IT, "entro"),
    W(EXW_LEFT, 0, RU, "в течение"),
    W(EXW_LEFT, 0, JA | ZH, "以内"),
    W(EXW_LEFT, 0, ZH, "之内"),
    W(EXW_LEFT, 0, KO, "이내"),

    /* --- other things an "it" may stand for --- */
    W(EXW_THING, S, EN, "certificate"),
    W(EXW_THING, 0, EN, "cert"),
    W(EXW_THING, S, EN, "password"),
    W(EXW_THING, S, EN, "driver"),
    W(EXW_THING, S, EN, "account"),
    W(EXW_THING, S, EN, "token"),
    W(EXW_THING, S, EN, "update"),
    W(EXW_THING, S, EN, "printer"),
    W(EXW_THING, 0, EN, "disk"),
    W(EXW_THING, 0, EN, "drive"),
    W(EXW_THING, 0, EN, "support"),
    W(EXW_THING, 0, EN, "service"),
    W(EXW_THING, S, EN, "script"),
    W(EXW_THING, 0, EN, "tool"),
    W(EXW_THING, 0, EN, "app"),
    W(EXW_THING, 0, EN, "program"),
    W(EXW_THING, 0, EN, "game"),
    W(EXW_THING, S, DE, "passwort"),
    W(EXW_THING, S, DE, "kennwort"),
    W(EXW_THING, S, DE, "zertifikat"),
    W(EXW_THING, 0, FR, "mot de passe"),
    W(EXW_THING, S, FR | IT, "certificat"),
    W(EXW_THING, 0, ES, "contraseña"),
    W(EXW_THING, S, ES | PT | IT, "certificad"),
    W(EXW_THING, 0, PT, "senha"),
    W(EXW_THING, S, RU, "парол"),
    W(EXW_THING, S, RU, "сертификат"),

    /* --- negation --- */
    W(EXW_NOT, AH, EN, "not"),
    /* hedged: "Office does not appear to be activated either" (en-ticket-mas-1057-office-not-
     * activated) */
    W(EXW_NOT, AH, EN, "does not appear to be"),
    W(EXW_NOT, AH, EN, "doesn't appear to be"),
    W(EXW_NOT, AH, EN, "do not appear to be"),
    W(EXW_NOT, AH, EN, "don't appear to be"),
    W(EXW_NOT, AH, EN, "does not seem to be"),
    W(EXW_NOT, AH, EN, "doesn't seem to be"),
    W(EXW_NOT, AH, EN, "do not seem to be"),
    W(EXW_NOT, AH, EN, "don't seem to be"),
    W(EXW_NOT, AH, EN, "isn't"),
    W(EXW_NOT, AH, EN, "wasn't"),
    W(EXW_NOT, AH, EN, "aren't"),
    W(EXW_NOT, AH, EN, "hasn't"),
    W(EXW_NOT, AH, EN, "haven't"),
    W(EXW_NOT, AH, EN, "never"),
    W(EXW_NOT, AH, EN, "no longer"),
    W(EXW_NOT, 0, DE, "nicht"),
    W(EXW_NOT, S, DE, "kein"),
    W(EXW_NOT, 0, FR, "pas"),
    W(EXW_NOT, 0, FR, "jamais"),
    W(EXW_NOT, 0, FR, "n'est plus"),
    W(EXW_NOT, 0, ES, "no"),
    W(EXW_NOT, 0, ES | PT, "nunca"),
    W(EXW_NOT, 0, ES, "sin"),
    W(EXW_NOT, 0, FR | IT, "non"),
    W(EXW_NOT, 0, IT, "mai"),
    W(EXW_NOT, 0, PT, "não"),
    W(EXW_NOT, 0, PT, "sem"),
    W(EXW_NOT, 0, RU, "не"),
    W(EXW_NOT, 0, RU, "нет"),
    W(EXW_NOT, 0, RU, "никогда"),
    W(EXW_NOT, 0, DE | PL, "nie"),
    W(EXW_NOT, 0, PL, "nigdy"),
    W(EXW_NOT, 0, NL, "niet"),
    W(EXW_NOT, 0, NL, "geen"),
    W(EXW_NOT, 0, NL, "nooit"),
    W(EXW_NOT, 0, JA, "されていません"), /* (ja-blog-0xC004F213-dot1) */
    W(EXW_NOT, 0, JA, "されていない"),
    W(EXW_NOT, 0, JA, "されません"),
    W(EXW_NOT, 0, JA, "されない"),
    W(EXW_NOT, 0, JA, "ではありません"),
    W(EXW_NOT, 0, JA, "ではない"),
    W(EXW_NOT, 0, JA | ZH, "未"),
    W(EXW_NOT, 0, ZH, "没有"),
    W(EXW_NOT, 0, ZH, "没"),
    W(EXW_NOT, 0, ZH, "沒有"),
    W(EXW_NOT, 0, ZH, "沒"),
    W(EXW_NOT, 0, ZH, "不"),
    W(EXW_NOT, 0, KO, "되지 않"),
    W(EXW_NOT, 0, KO, "않"),

    /* --- soon, almost --- */
    W(EXW_SOON, 0, EN, "soon"),
    W(EXW_SOON, 0, EN, "about to"),
    W(EXW_SOON, 0, EN, "almost"),
    W(EXW_SOON, 0, EN, "nearly"),
    W(EXW_SOON, 0, DE, "bald"),
    W(EXW_SOON, 0, DE, "demnächst"),
    W(EXW_SOON, 0, DE, "in kürze"),
    W(EXW_SOON, 0, DE, "fast"),
    W(EXW_SOON, 0, FR, "bientôt"),
    W(EXW_SOON, 0, FR, "presque"),
    W(EXW_SOON, 0, FR, "sur le point"),
    W(EXW_SOON, 0, ES, "pronto"),
    W(EXW_SOON, 0, ES, "a punto de"),
    W(EXW_SOON, 0, ES, "casi"),
    W(EXW_SOON, 0, IT, "presto"),
    W(EXW_SOON, 0, IT, "a breve"),
    W(EXW_SOON, 0, IT, "quasi"),
    W(EXW_SOON, 0, IT, "sta per"),
    W(EXW_SOON, 0, PT, "em breve"),
    W(EXW_SOON, 0, PT, "prestes"),
    W(EXW_SOON, 0, PT, "quase"),
    W(EXW_SOON, 0, RU, "скоро"),
    W(EXW_SOON, 0, RU, "почти"),
    W(EXW_SOON, 0, PL, "wkrótce"),
    W(EXW_SOON, 0, PL, "niedługo"),
    W(EXW_SOON, 0, PL, "prawie"),
    W(EXW_SOON, 0, NL, "binnenkort"),
    W(EXW_SOON, 0, NL, "bijna"),
    W(EXW_SOON, 0, JA, "まもなく"),
    W(EXW_SOON, 0, JA, "間もなく"),
    W(EXW_SOON, 0, JA, "もうすぐ"),
    W(EXW_SOON, 0, ZH, "即将"),
    W(EXW_SOON, 0, ZH, "快要"), /* 快要激活成功 (zh-ticket-cmwtat-105) */
    W(EXW_SOON, 0, ZH, "马上"),
    W(EXW_SOON, 0, ZH, "将要"),
    W(EXW_SOON, 0, ZH, "即將"),
    W(EXW_SOON, 0, ZH, "馬上"),
    W(EXW_SOON, 0, ZH, "將要"),
    W(EXW_SOON, 0, KO, "곧"),

    /* --- supposition: the sentence tells no state of this machine --- */
    W(EXW_IF, 0, EN, "if"),
    W(EXW_IF, 0, EN, "whether"),
    W(EXW_IF, 0, EN, "unless"),
    W(EXW_MODAL, 0, EN, "should"),
    W(EXW_MODAL, 0, EN, "would"),
    W(EXW_MODAL, 0, EN, "might"),
    W(EXW_MODAL, 0, EN, "may"),
    W(EXW_MODAL, 0, EN, "must"),
    W(EXW_IF, 0, EN, "in case"),
    W(EXW_IF, 0, EN, "supposed"),
    W(EXW_IF, 0, DE, "wenn"),
    W(EXW_IF, 0, DE, "falls"),
    W(EXW_IF, 0, DE, "ob"),
    W(EXW_MODAL, S, DE, "sollte"),
    W(EXW_MODAL, S, DE, "würde"),
    W(EXW_MODAL, S, DE, "könnte"),
    W(EXW_IF, 0, FR, "au cas"),
    W(EXW_MODAL, S, FR, "devrai"),
    W(EXW_MODAL, S, FR, "pourrai"),
    W(EXW_IF, 0, FR | ES, "si"),
    W(EXW_IF, 0, ES, "en caso"),
    W(EXW_MODAL, 0, ES, "debería"),
    W(EXW_MODAL, 0, ES, "podría"),
    W(EXW_IF, 0, IT | PT, "se"),
    W(EXW_IF, 0, IT, "qualora"),
    W(EXW_MODAL, 0, IT, "dovrebbe"),
    W(EXW_MODAL, 0, IT, "potrebbe"),
    W(EXW_IF, 0, PT, "caso"),
    W(EXW_MODAL, 0, PT, "deveria"),
    W(EXW_MODAL, 0, PT, "poderia"),
    W(EXW_IF, 0, RU, "если"),
    W(EXW_IF, 0, RU, "в случае"),
    W(EXW_MODAL, S, RU, "должн"),
    W(EXW_MODAL, 0, RU, "может"),
    W(EXW_IF, 0, PL, "jeśli"),
    W(EXW_IF, 0, PL, "jeżeli"),
    W(EXW_IF, 0, PL, "gdyby"),
    W(EXW_IF, 0, PL, "w przypadku"),
    W(EXW_MODAL, S, PL, "powin"),
    W(EXW_IF, 0, NL, "als"),
    W(EXW_IF, 0, NL, "indien"),
    W(EXW_MODAL, 0, NL, "zou"),
    W(EXW_IF, 0, NL, "mocht"),
    W(EXW_IF, 0, JA, "場合"),
    /* "...を求められることがあります" (it can happen that ...): a possibility, no report */
    W(EXW_MODAL, 0, JA, "ことがあ"),
    W(EXW_IF, 0, JA, "なら"),
    W(EXW_IF, 0, JA, "れば"),
    W(EXW_IF, 0, ZH, "如果"),
    W(EXW_IF, 0, ZH, "假如"),
    W(EXW_IF, 0, ZH, "一旦"), /* "once ...": zh-blog-ourseo-jihuo-windows-watermark */
    W(EXW_IF, 0, ZH, "的话"),
    W(EXW_IF, 0, ZH, "的話"),
    /* whether it is already, as "whether" and "ob" are: "監視 Windows 是否已啟用" (an
     * Operations Manager monitor's description, neg-zh-TW-scom-windows-activation-monitor)
     * tells what is watched, no state. Not 是否 alone: "我想知道 ... 是否可以修復 '... 無法驗證
     * 此產品的授權' 這個錯誤" (zh-TW-ticket-officetool-729-cannot-verify-license) asks about a
     * fix of the failure it quotes */
    W(EXW_IF, 0, ZH, "是否已"),
    W(EXW_IF, 0, JA, "かどうか"),
    W(EXW_IF, 0, KO, "경우"),
    W(EXW_IF, 0, KO, "만약"),
    /* "-지 않으면" (if ... not): a how-to's "활성화하지 않으면, ... 워터마크가 표시됩니다"
     * (neg-ko-blog-iseop-kms-howto); "-하면" alone also tells what happened ("인증 하면 에러가
     * 발생", ko-ticket-mas-1395-office) and is not one */
    W(EXW_IF, 0, KO, "않으면"),

    /* --- a subordinate clause: from the word to the clause's end --- */
    /* (modal verbs above make their own clause a supposition: "un errore che potrebbe
     * presentarsi ...: l'imminente scadenza della licenza" still tells the expiry) */
    W(EXW_WHEN, 0, EN, "when"),
    W(EXW_WHEN, 0, EN, "whenever"),
    W(EXW_WHEN, 0, EN, "once"),
    W(EXW_WHEN, 0, EN, "until"),
    W(EXW_WHEN, 0, EN, "whether or not"), /* concessive, no supposition: "Activation is unsuccessful
                                             * whether or not you enter ..." (en-kb-quote-
                                             * supportarticles-32777-wpa) */
    /* "even if" is concessive too: the failure after it holds whatever the clause grants
     * ("Bahkan jika pengguna masih memiliki kunci aktivasi asli ..., pengguna ... tidak dapat
     * lagi mengaktifkan kembali", id-news-pcmax-deaktivasi-upgrade-win7) */
    W(EXW_WHEN, 0, EN, "even if"),
    W(EXW_WHEN, 0, ID, "bahkan jika"),
    W(EXW_WHEN, 0, DE, "sobald"),
    W(EXW_WHEN, 0, DE, "nachdem"),
    W(EXW_WHEN, 0, DE, "bevor"),
    W(EXW_WHEN, 0, FR, "quand"),
    W(EXW_WHEN, 0, FR, "lorsque"),
    W(EXW_WHEN, 0, FR, "lorsqu'"),
    W(EXW_WHEN, 0, FR, "dès que"),
    W(EXW_WHEN, 0, FR, "une fois"),
    W(EXW_WHEN, 0, ES, "cuando"),
    W(EXW_WHEN, 0, ES, "una vez"),
    W(EXW_WHEN, 0, IT | PT, "quando"),
    W(EXW_WHEN, 0, RU, "когда"),
    W(EXW_WHEN, 0, PL, "kiedy"),
    W(EXW_WHEN, 0, PL, "gdy"),
    W(EXW_WHEN, 0, NL, "wanneer"),
    W(EXW_WHEN, 0, NL, "zodra"),
    W(EXW_WHEN, BF, JA, "とき"),
    W(EXW_WHEN, BF, JA | ZH, "時"), /* zh-TW writes 时 so */
    W(EXW_WHEN, BF, JA, "際"),
    W(EXW_WHEN, BF, ZH, "时"),
    W(EXW_WHEN, BF, KO, "때"),

    /* --- a how-to or a question --- */
    W(EXW_HOWTO, 0, EN, "how"),
    W(EXW_HOWTO, 0, EN, "why"),
    W(EXW_HOWTO, S, EN, "troubleshoot"),
    /* a fix told, not a state: "This update fixes an issue with activation of Office" (an
     * update's notes), "a known issue with activation" */
    W(EXW_HOWTO, 0, EN, "fixes"),
    W(EXW_HOWTO, 0, EN, "resolves"),
    W(EXW_HOWTO, 0, EN, "addresses"),
    W(EXW_HOWTO, 0, EN, "known issue"),
    W(EXW_HOWTO, 0, DE, "wie"),
    W(EXW_HOWTO, 0, DE, "warum"),
    W(EXW_HOWTO, 0, DE, "wieso"),
    W(EXW_HOWTO, S, DE, "anleitung"),
    W(EXW_HOWTO, S, DE, "beheb"),
    W(EXW_HOWTO, 0, FR, "comment"),
    W(EXW_HOWTO, 0, FR, "pourquoi"),
    W(EXW_HOWTO, 0, FR, "résoudre"),
    W(EXW_HOWTO, 0, FR, "corriger"),
    W(EXW_HOWTO, 0, ES, "cómo"),
    W(EXW_HOWTO, 0, ES, "por qué"),
    W(EXW_HOWTO, 0, ES, "solucionar"),
    W(EXW_HOWTO, 0, IT, "come"),
    W(EXW_HOWTO, 0, IT, "perché"),
    W(EXW_HOWTO, 0, IT, "risolvere"),
    W(EXW_HOWTO, 0, PT, "como"),
    W(EXW_HOWTO, 0, PT, "por que"),
    W(EXW_HOWTO, 0, PT, "resolver"),
    W(EXW_HOWTO, 0, RU, "как"),
    W(EXW_HOWTO, 0, RU, "почему"),
    W(EXW_HOWTO, 0, RU, "исправить"),
    W(EXW_HOWTO, 0, PL | CS, "jak"),
    W(EXW_HOWTO, 0, PL, "dlaczego"),
    W(EXW_HOWTO, 0, PL, "naprawić"),
    W(EXW_HOWTO, 0, NL, "hoe"),
    W(EXW_HOWTO, 0, NL, "waarom"),
    W(EXW_HOWTO, 0, NL, "oplossen"),
    W(EXW_HOWTO, 0, JA, "対処"),
    W(EXW_HOWTO, 0, JA | ZH, "解決"),
    W(EXW_HOWTO, 0, JA, "手順"),
    W(EXW_HOWTO, 0, JA, "なぜ"),
    W(EXW_HOWTO, 0, ZH, "如何"),
    W(EXW_HOWTO, 0, ZH, "怎么"),
    W(EXW_HOWTO, 0, ZH, "怎样"),
    W(EXW_HOWTO, 0, JA | ZH, "方法"),
    W(EXW_HOWTO, 0, ZH, "解决"),
    W(EXW_HOWTO, 0, ZH, "教程"),
    W(EXW_HOWTO, 0, ZH, "为什么"),
    W(EXW_HOWTO, 0, ZH, "怎麼"),
    W(EXW_HOWTO, 0, ZH, "為什麼"),
    W(EXW_HOWTO, 0, ZH, "怎樣"),
    W(EXW_HOWTO, 0, ZH, "教學"),
    W(EXW_HOWTO, 0, KO, "방법"),
    W(EXW_HOWTO, 0, KO, "해결"),
    W(EXW_HOWTO, 0, KO, "어떻게"),
    W(EXW_HOWTO, 0, KO, "왜"),

    /* --- an instruction or heading, when it opens the sentence --- */
    W(EXW_LEAD, 0, EN, "to"), /* "To activate Windows, run ..." */
    W(EXW_LEAD, 0, EN, "run"),
    W(EXW_LEAD, 0, EN | ES | PT, "use"),
    W(EXW_LEAD, 0, EN, "try"),
    W(EXW_LEAD, 0, EN, "check"),
    W(EXW_LEAD, 0, EN, "set"), /* slmgr /?'s "Set interval (minutes) for unactivated clients"
                                * (neg-en-slmgr-usage-temp-windows) */
    W(EXW_LEAD, 0, EN, "make sure"),
    W(EXW_LEAD, 0, EN, "ensure"),
    W(EXW_LEAD, 0, EN, "verify"),
    W(EXW_LEAD, 0, EN, "open"),
    W(EXW_LEAD, 0, EN, "click"),
    W(EXW_LEAD, 0, EN, "see"),
    W(EXW_LEAD, S, EN, "fix"),
    W(EXW_LEAD, S, EN, "resolv"),
    W(EXW_LEAD, 0, EN, "solve"),
    W(EXW_LEAD, S, EN | FR, "solution"),
    W(EXW_LEAD, 0, EN, "workaround"),
    W(EXW_LEAD, 0, EN, "note"),
    W(EXW_LEAD, 0, EN, "example"),
    W(EXW_LEAD, 0, DE, "um"),
    W(EXW_LEAD, 0, DE, "führen sie"),
    W(EXW_LEAD, 0, DE, "verwenden sie"),
    W(EXW_LEAD, 0, DE, "prüfen sie"),
    W(EXW_LEAD, 0, DE, "öffnen sie"),
    W(EXW_LEAD, 0, DE, "lösung"),
    W(EXW_LEAD, 0, DE, "siehe"),
    W(EXW_LEAD, 0, DE, "hinweis"),
    W(EXW_LEAD, 0, FR, "pour"),
    W(EXW_LEAD, 0, FR, "exécutez"),
    W(EXW_LEAD, 0, FR, "utilisez"),
    W(EXW_LEAD, 0, FR, "vérifiez"),
    W(EXW_LEAD, 0, FR, "ouvrez"),
    W(EXW_LEAD, 0, FR, "remarque"),
    W(EXW_LEAD, 0, ES | PT, "para"),
    W(EXW_LEAD, 0, ES, "ejecute"),
    W(EXW_LEAD, 0, ES, "utilice"),
    W(EXW_LEAD, 0, ES, "compruebe"),
    W(EXW_LEAD, 0, ES, "solución"),
    W(EXW_LEAD, 0, IT, "per"),
    W(EXW_LEAD, 0, IT, "esegui"),
    W(EXW_LEAD, 0, IT, "eseguire"),
    W(EXW_LEAD, 0, IT, "verifica"),
    W(EXW_LEAD, 0, IT, "soluzione"),
    W(EXW_LEAD, 0, PT, "execute"),
    W(EXW_LEAD, 0, PT, "verifique"),
    W(EXW_LEAD, 0, PT, "solução"),
    W(EXW_LEAD, 0, RU, "чтобы"),
    W(EXW_LEAD, 0, RU, "выполните"),
    W(EXW_LEAD, 0, RU, "запустите"),
    W(EXW_LEAD, 0, RU, "проверьте"),
    W(EXW_LEAD, 0, RU, "решение"),
    W(EXW_LEAD, 0, PL, "aby"),
    W(EXW_LEAD, 0, PL, "uruchom"),
    W(EXW_LEAD, 0, PL, "sprawdź"),
    W(EXW_LEAD, 0, PL, "rozwiązanie"),
    W(EXW_LEAD, 0, NL, "om"),
    W(EXW_LEAD, 0, NL, "voer"),
    W(EXW_LEAD, 0, NL, "controleer"),
    W(EXW_LEAD, 0, NL, "oplossing"),
    W(EXW_LEAD, 0, ZH, "请"),
    W(EXW_LEAD, 0, ZH, "請"),

    /* --- a status named, not an outcome --- */
    W(EXW_STATUS, 0, EN | DE | NL | PT | PL | RU, "status"),
    W(EXW_STATUS, 0, EN, "state"),
    W(EXW_STATUS, 0, DE, "zustand"),
    W(EXW_STATUS, 0, FR, "état"),
    W(EXW_STATUS, 0, FR, "statut"),
    W(EXW_STATUS, 0, ES | PT, "estado"),
    W(EXW_STATUS, 0, IT, "stato di"), /* not "è stato attivato" (has been) */
    W(EXW_STATUS, 0, RU, "состояние"),
    W(EXW_STATUS, 0, RU, "статус"),
    W(EXW_STATUS, 0, PL, "stan"),
    W(EXW_STATUS, 0, JA, "状態"),
    W(EXW_STATUS, 0, ZH, "状态"),
    W(EXW_STATUS, 0, ZH, "狀態"),
    W(EXW_STATUS, 0, KO, "상태"),

    /* --- a clause ends --- */
    W(EXW_BUT, 0, ALL, "but"),
    W(EXW_BUT, 0, ALL, "aber"),
    W(EXW_BUT, 0, ALL, "mais"),
    W(EXW_BUT, 0, ALL, "pero"),
    W(EXW_BUT, 0, ALL, "però"),
    W(EXW_BUT, 0, ALL, "но"),
    W(EXW_BUT, 0, ALL, "однако"),
    W(EXW_BUT, 0, ALL, "maar"),
    W(EXW_BUT, 0, ALL, "ale"),
    W(EXW_BUT, 0, ALL, "但是"),
    W(EXW_BUT, 0, ALL, "但"),
    W(EXW_BUT, 0, ALL, "不过"),
    W(EXW_BUT, 0, ALL, "可是"),
    W(EXW_BUT, 0, ALL, "不過"),
    W(EXW_BUT, 0, ALL, "しかし"),
    W(EXW_BUT, 0, ALL, "하지만"),

    /* --- hu, id, cs and sk, vi, tr, ro, uk, da, nb and sv: outcomes, negation, supposition,
     * how-to, "when" (each language's plain words, as the rows above hold them for the
     * others) --- */
    W(EXW_FAILED, 0, ID, "gagal"),
    W(EXW_FAILED, N, ID, "tidak bisa"),
    W(EXW_FAILED, N, ID, "tidak dapat"),
    W(EXW_FAILED, N, ID, "tak bisa"),
    W(EXW_EXPIRED, 0, ID, "kedaluwarsa"),
    W(EXW_EXPIRED, 0, ID, "kadaluarsa"),
    W(EXW_EXPIRED, 0, ID, "kedaluarsa"),
    W(EXW_EXPIRING, 0, ID, "akan berakhir"),
    W(EXW_SUCCEEDED, 0, ID, "berhasil"),
    W(EXW_SUCCEEDED, 0, ID, "sukses"),
    W(EXW_NOT, 0, ID, "belum"), /* "belum diaktifkan" (id-blog-panduanpc-minta-aktivasi-ulang) */
    W(EXW_NOT, 0, ID, "tidak"),
    W(EXW_NOT, 0, ID, "tak"),
    W(EXW_NOT, 0, ID, "bukan"),
    W(EXW_SOON, 0, ID, "segera"),
    W(EXW_IF, 0, ID, "jika"),
    W(EXW_IF, 0, ID, "kalau"),
    W(EXW_IF, 0, ID, "apabila"),
    W(EXW_IF, 0, ID, "bila"),
    W(EXW_WHEN, 0, ID, "ketika"),
    W(EXW_HOWTO, 0, ID, "cara"),
    W(EXW_HOWTO, 0, ID, "bagaimana"),
    W(EXW_HOWTO, 0, ID, "mengapa"),
    W(EXW_HOWTO, 0, ID, "kenapa"),
    W(EXW_HOWTO, 0, ID, "mengatasi"),

    W(EXW_FAILED, 0, HU, "sikertelen"),
    W(EXW_FAILED, 0, HU, "nem sikerült"),
    W(EXW_FAILED, N, HU, "nem lehet"),
    W(EXW_EXPIRED, 0, HU, "lejárt"),
    W(EXW_EXPIRING, 0, HU, "lejár"),
    W(EXW_SUCCEEDED, 0, HU, "sikeres"),
    W(EXW_SUCCEEDED, 0, HU, "sikeresen"),
    W(EXW_NOT, 0, HU, "nem"),
    W(EXW_NOT, 0, HU, "nincs"),
    W(EXW_SOON, 0, HU, "hamarosan"),
    W(EXW_IF, 0, HU, "ha"),
    W(EXW_IF, 0, HU, "amennyiben"),
    W(EXW_WHEN, 0, HU, "amikor"),
    W(EXW_HOWTO, 0, HU, "hogyan"),
    W(EXW_HOWTO, 0, HU, "miért"),
    W(EXW_STATUS, 0, HU, "állapot"),

    W(EXW_FAILED, S, CS, "selhal"),
    W(EXW_FAILED, S, CS, "zlyhal"),
    W(EXW_FAILED, S, CS, "nezdařil"),
    W(EXW_FAILED, S, CS, "nepodařil"),
    W(EXW_FAILED, S, CS, "nepodaril"),
    W(EXW_FAILED, N, CS, "nelze"),
    W(EXW_FAILED, N, CS, "nejde"),
    W(EXW_FAILED, 0, CS, "nefunguje"),
    W(EXW_FAILED, S, CS, "neplatn"), /* invalid: "... Product Key ... je neplatný" */
    W(EXW_EXPIRED, S, CS, "vypršel"),
    W(EXW_EXPIRED, S, CS, "vypršal"),
    W(EXW_EXPIRING, 0, CS, "vyprší"),
    W(EXW_SUCCEEDED, 0, CS, "úspěšně"),
    W(EXW_SUCCEEDED, 0, CS, "úspešne"),
    W(EXW_NOT, 0, CS, "není"),
    W(EXW_NOT, S, CS, "nebyl"),
    W(EXW_NOT, 0, CS, "nie je"),
    W(EXW_NOT, S, CS, "nebol"),
    W(EXW_SOON, 0, CS, "brzy"),
    W(EXW_SOON, 0, CS, "čoskoro"),
    W(EXW_IF, 0, CS, "pokud"),
    W(EXW_IF, 0, CS, "jestliže"),
    W(EXW_IF, 0, CS, "ak"),
    W(EXW_WHEN, 0, CS, "když"),
    W(EXW_WHEN, 0, CS, "keď"),
    W(EXW_HOWTO, 0, CS, "ako"),
    W(EXW_HOWTO, 0, CS, "proč"),
    W(EXW_HOWTO, 0, CS, "prečo"),
    W(EXW_HOWTO, 0, CS, "návod"),
    W(EXW_STATUS, 0, CS, "stav"),

    W(EXW_FAILED, 0, VI, "thất bại"),
    W(EXW_FAILED, N, VI, "không thể"),
    W(EXW_EXPIRED, 0, VI, "hết hạn"),
    W(EXW_EXPIRED, 0, VI, "hết hiệu lực"),
    W(EXW_EXPIRING, 0, VI, "sắp hết hạn"),
    W(EXW_SUCCEEDED, 0, VI, "thành công"),
    W(EXW_NOT, 0, VI, "chưa"),
    W(EXW_NOT, 0, VI, "không"),
    W(EXW_IF, 0, VI, "nếu"),
    W(EXW_WHEN, 0, VI, "khi"),
    W(EXW_HOWTO, 0, VI, "cách"),
    W(EXW_HOWTO, 0, VI, "làm sao"),
    W(EXW_HOWTO, 0, VI, "tại sao"),
    W(EXW_HOWTO, 0, VI, "hướng dẫn"),

    W(EXW_FAILED, S, TR, "başarısız"),
    W(EXW_FAILED, 0, TR, "yapılamadı"),
    W(EXW_EXPIRED, 0, TR, "süresi doldu"),
    W(EXW_EXPIRED, 0, TR, "sona erdi"),
    W(EXW_EXPIRING, 0, TR, "sona erecek"),
    W(EXW_EXPIRING, 0, TR, "süresi dolacak"),
    W(EXW_SUCCEEDED, 0, TR, "başarıyla"),
    W(EXW_SUCCEEDED, 0, TR, "başarılı"),
    W(EXW_NOT, 0, TR, "değil"),
    W(EXW_NOT, 0, TR, "edilmedi"),
    W(EXW_NOT, 0, TR, "edilmemiş"),
    W(EXW_IF, 0, TR, "eğer"),
    W(EXW_HOWTO, 0, TR, "nasıl"),
    W(EXW_HOWTO, 0, TR, "neden"),

    W(EXW_FAILED, 0, RO, "a eșuat"),
    W(EXW_FAILED, 0, RO, "eșuat"),
    W(EXW_FAILED, N, RO, "nu se poate"),
    W(EXW_FAILED, N, RO, "nu poate"),
    W(EXW_FAILED, 0, RO, "imposibil"),
    W(EXW_EXPIRED, S, RO, "expirat"),
    W(EXW_EXPIRING, 0, RO, "va expira"),
    W(EXW_SUCCEEDED, 0, RO, "cu succes"),
    W(EXW_NOT, 0, RO, "nu"),
    W(EXW_IF, 0, RO, "dacă"),
    W(EXW_WHEN, 0, RO, "când"),
    W(EXW_HOWTO, 0, RO, "cum"),
    W(EXW_HOWTO, 0, RO, "de ce"),
    W(EXW_STATUS, 0, RO, "stare"),

    W(EXW_FAILED, 0, UK, "не вдалося"),
    W(EXW_FAILED, 0, UK, "не вдалось"),
    W(EXW_FAILED, 0, UK, "не вдалася"),
    W(EXW_FAILED, 0, UK, "не вдався"),
    W(EXW_FAILED, 0, UK, "неможливо"),
    W(EXW_FAILED, 0, UK, "не працює"),
    W(EXW_EXPIRED, S, UK, "закінчил"),
    W(EXW_EXPIRED, 0, UK, "минув"),
    W(EXW_EXPIRED, 0, UK, "сплив"),
    W(EXW_EXPIRING, 0, UK, "закінчується"),
    W(EXW_EXPIRING, 0, UK, "спливає"),
    W(EXW_SUCCEEDED, 0, UK, "успішно"),
    W(EXW_IF, 0, UK, "якщо"),
    W(EXW_WHEN, 0, UK, "коли"),
    W(EXW_HOWTO, 0, UK, "як"),
    W(EXW_HOWTO, 0, UK, "чому"),

    W(EXW_FAILED, S, NO, "misslyck"),
    W(EXW_FAILED, S, NO, "mislykk"),
    W(EXW_FAILED, 0, NO, "mislyktes"),
    W(EXW_FAILED, N, NO, "kan inte"),
    W(EXW_FAILED, N, NO, "kan ikke"),
    W(EXW_FAILED, N, NO, "kunne ikke"), /* "Windows kunne ikke aktiveres" (da-kb-929826-0x8007232b) */
    W(EXW_FAILED, N, NO, "kunde inte"),
    W(EXW_FAILED, 0, NO, "fungerar inte"),
    W(EXW_FAILED, 0, NO, "fungerer ikke"),
    W(EXW_FAILED, 0, NO, "virker ikke"),
    W(EXW_EXPIRED, 0, NO, "har gått ut"),
    W(EXW_EXPIRED, 0, NO, "udløbet"),
    W(EXW_EXPIRED, 0, NO, "utløpt"),
    W(EXW_EXPIRING, 0, NO, "udløber"),
    W(EXW_EXPIRING, 0, NO, "utløper"),
    W(EXW_EXPIRING, 0, NO, "löper ut"),
    W(EXW_SUCCEEDED, 0, NO, "lyckades"),
    W(EXW_SUCCEEDED, 0, NO, "lykkedes"),
    W(EXW_SUCCEEDED, 0, NO, "lyktes"),
    W(EXW_NOT, 0, NO, "inte"),
    W(EXW_NOT, 0, NO, "ikke"),
    W(EXW_SOON, 0, NO, "snart"),
    W(EXW_IF, 0, NO, "hvis"),
    W(EXW_IF, 0, NO, "ifall"),
    W(EXW_WHEN, 0, NO, "när"),
    W(EXW_WHEN, 0, NO, "når"),
    W(EXW_HOWTO, 0, NO, "hur"),
    W(EXW_HOWTO, 0, NO, "hvordan"),
    W(EXW_HOWTO, 0, NO, "varför"),
    W(EXW_HOWTO, 0, NO, "hvorfor"),
    /* --- the trouble frame (prose_read.c): a trouble named beside the writer's own attempt
     * to activate ("I tried Activating but there is an error with my sppsvc", en-ticket-mas-
     * 1584-sppsvc-error; "am having trouble activating my windows", en-ticket-mas-975-sppsvc-
     * missing; "проблема с активацией office", ru-ticket-malwtool-6-office-activation; "为什么
     * 我激活报错", zh-ticket-kmspro-32-ltsc-error; "Windowsライセンス認証エラーが発生して
     * しまいました", ja-blog-billionwallet-motherboard-activation-error). A plural is a guide's
     * topic unless the writer speaks of their own (EXW_MANY) --- */
    /* an error code or message named is a reference's topic ("Resolve Windows activation
     * error codes", "activation-error-codes.md", neg-de-docs-activation-error-codes,
     * neg-en-docs-7014-vlsc): passed over; the code itself is the code fallback's */
    W(EXW_FILLER, 0, EN, "error code"),
    W(EXW_FILLER, 0, EN, "error codes"),
    W(EXW_FILLER, 0, EN, "error-code"),
    W(EXW_FILLER, 0, EN, "error-codes"),
    /* "정품 인증에 문제가 없는지 확인하기" (to check whether activation has no problem,
     * neg-ko-blog-forbes-check-activation): a check, no trouble */
    W(EXW_IF, 0, KO, "없는지"),
    /* no trouble named: passed over as "no error" is */
    W(EXW_FILLER, 0, EN, "no problem"),
    W(EXW_FILLER, 0, EN, "no problems"),
    W(EXW_FILLER, 0, EN, "no trouble"),
    W(EXW_FILLER, 0, EN, "without error"),
    W(EXW_FILLER, 0, EN, "without errors"),
    W(EXW_FILLER, 0, EN, "without problems"),
    W(EXW_FILLER, 0, EN, "without any problem"),
    W(EXW_FILLER, 0, EN, "without any problems"),
    W(EXW_TROUBLE, 0, EN | ES, "error"),
    W(EXW_TROUBLE, EXW_MANY, EN | ES, "errors"),
    W(EXW_TROUBLE, 0, EN | DE | PL | NO, "problem"),
    W(EXW_TROUBLE, EXW_MANY, EN, "problems"),
    W(EXW_TROUBLE, 0, EN, "trouble"),
    W(EXW_TROUBLE, EXW_MANY, EN, "troubles"), /* (en-ticket-packer-windows-146-eval-10-days) */
    W(EXW_TROUBLE, 0, EN, "snag"), /* (en-ticket-tiny11-504-phone-activation) */
    /* "I am facing an issue while activating windows"; a tracker's own issue is no trouble
     * ("I opened an issue about activation") */
    W(EXW_TROUBLE, 0, EN, "issue"),
    W(EXW_TROUBLE, EXW_MANY, EN, "issues"),
    W(EXW_FILLER, 0, EN, "open an issue"),
    W(EXW_FILLER, 0, EN, "opened an issue"),
    W(EXW_FILLER, 0, EN, "opening an issue"),
    W(EXW_FILLER, 0, EN, "open a new issue"),
    W(EXW_FILLER, 0, EN, "opened a new issue"),
    W(EXW_FILLER, 0, EN, "file an issue"),
    W(EXW_FILLER, 0, EN, "filed an issue"),
    W(EXW_FILLER, 0, EN, "create an issue"),
    W(EXW_FILLER, 0, EN, "created an issue"),
    W(EXW_FILLER, 0, EN, "close this issue"),
    W(EXW_FILLER, 0, EN, "closing this issue"),
    W(EXW_TROUBLE, S, DE, "fehler"),
    W(EXW_TROUBLE, EXW_MANY, DE, "probleme"),
    W(EXW_TROUBLE, S, FR, "erreur"),
    W(EXW_TROUBLE, EXW_MANY, FR, "erreurs"), /* "Les erreurs d'activation de Windows" */
    W(EXW_TROUBLE, EXW_MANY, ES, "errores"),
    W(EXW_TROUBLE, EXW_MANY, IT, "errori"),
    W(EXW_TROUBLE, EXW_MANY, PT, "erros"),
    W(EXW_TROUBLE, 0, FR, "problème"),
    W(EXW_TROUBLE, EXW_MANY, FR, "problèmes"),
    W(EXW_TROUBLE, 0, ES | IT | PT, "problema"),
    W(EXW_TROUBLE, EXW_MANY, ES | PT, "problemas"),
    W(EXW_TROUBLE, EXW_MANY, IT, "problemi"),
    W(EXW_TROUBLE, S, IT, "errore"),
    W(EXW_TROUBLE, 0, PT, "erro"),
    W(EXW_TROUBLE, S, RU, "ошибк"),
    W(EXW_TROUBLE, S, RU, "проблем"),
    W(EXW_TROUBLE, S, UK, "помилк"),
    W(EXW_TROUBLE, 0, PL, "błąd"),
    W(EXW_TROUBLE, S, PL, "błęd"),
    W(EXW_TROUBLE, S, NL, "fout"),
    W(EXW_TROUBLE, 0, NL, "probleem"),
    W(EXW_TROUBLE, S, HU, "hib"),
    W(EXW_TROUBLE, 0, ID, "masalah"),
    W(EXW_TROUBLE, 0, ID, "kesalahan"),
    W(EXW_TROUBLE, S, CS, "chyb"),
    W(EXW_TROUBLE, S, CS, "problém"),
    W(EXW_TROUBLE, 0, VI, "lỗi"),
    W(EXW_TROUBLE, S, TR, "hata"),
    W(EXW_TROUBLE, S, TR, "sorun"),
    W(EXW_TROUBLE, 0, RO, "eroare"),
    W(EXW_TROUBLE, 0, RO, "problemă"),
    W(EXW_TROUBLE, 0, ZH, "报错"),
    W(EXW_TROUBLE, 0, ZH, "報錯"),
    W(EXW_TROUBLE, 0, ZH, "错误"),
    W(EXW_TROUBLE, 0, ZH, "錯誤"),
    W(EXW_TROUBLE, 0, ZH, "出错"),
    W(EXW_TROUBLE, 0, ZH, "出錯"),
    W(EXW_TROUBLE, 0, ZH, "问题"),
    W(EXW_TROUBLE, 0, JA | ZH, "問題"),
    W(EXW_TROUBLE, 0, JA, "エラー"),
    W(EXW_TROUBLE, 0, JA, "不具合"),
    W(EXW_TROUBLE, 0, KO, "오류"),
    W(EXW_TROUBLE, 0, KO, "에러"),
    W(EXW_TROUBLE, 0, KO, "문제"),
    /* a key or licence told not valid ("the installed windows product key is not valid",
     * en-ticket-lattepanda-10-key-not-valid), as "invalid" is: with its verb, after its
     * subject ("Error says Not valid Office Key" quotes a message, the message's reader's) */
    W(EXW_FAILED, 0, EN, "is not valid"),
    W(EXW_FAILED, 0, EN, "isn't valid"),
    W(EXW_FAILED, 0, EN, "are not valid"),
    W(EXW_FAILED, 0, EN, "was not valid"),
    W(EXW_FAILED, 0, DE, "ist nicht gültig"),
    W(EXW_FAILED, 0, FR, "n'est pas valide"),
    W(EXW_FAILED, S, ES | PT, "no es válid"),
    W(EXW_FAILED, S, PT, "não é válid"),
    W(EXW_FAILED, S, IT, "non è valid"),
    /* an activation redone by the writer was lost ("I had to reactivate Windows again after
     * using Clonezilla", en-ticket-partclone-237-activation-lost-after-restore) */
    W(EXW_UNLICENSED, X | S, EN, "had to reactivat"),
    W(EXW_UNLICENSED, X | S, EN, "had to re-activat"),
    /* a trouble told over: "Windows activation problem fixed after the update", "I fixed my
     * activation error" (the state now is not this trouble's) */
    W(EXW_SOLVED, 0, EN, "fixed"),
    W(EXW_SOLVED, 0, EN, "solved"),
    W(EXW_SOLVED, 0, EN, "resolved"),
    W(EXW_SOLVED, 0, DE, "behoben"),
    W(EXW_SOLVED, 0, DE, "gelöst"),
    W(EXW_SOLVED, S, FR, "résolu"),
    W(EXW_SOLVED, S, FR, "corrigé"),
    W(EXW_SOLVED, S, ES | PT, "resuelt"),
    W(EXW_SOLVED, S, PT, "resolvid"),
    W(EXW_SOLVED, S, IT, "risolt"),
    W(EXW_SOLVED, S, RU, "решен"),
    W(EXW_SOLVED, S, RU, "исправлен"),
    W(EXW_SOLVED, 0, ZH, "已解决"),
    W(EXW_SOLVED, 0, ZH, "解决了"),
    W(EXW_SOLVED, 0, ZH, "已解決"),
    W(EXW_SOLVED, 0, ZH, "解決了"),
    W(EXW_SOLVED, 0, JA, "解決しました"),
    W(EXW_SOLVED, 0, JA, "解消しました"),
    /* a guide's topic, which no writer's own trouble is: "常见的Windows激活问题", "Windows 激活
     * 问题汇总", "Windows ライセンス認証のエラーについて", "The most common Windows activation
     * error", "Ошибка активации Windows - причины и решение" */
    W(EXW_HOWTO, 0, EN, "most common"),
    W(EXW_HOWTO, 0, ZH, "常见"),
    W(EXW_HOWTO, 0, ZH, "常見"),
    W(EXW_HOWTO, 0, ZH, "汇总"),
    W(EXW_HOWTO, 0, ZH, "大全"),
    W(EXW_HOWTO, 0, ZH, "关于"),
    W(EXW_HOWTO, 0, ZH, "關於"),
    W(EXW_HOWTO, 0, JA, "について"),
    W(EXW_HOWTO, 0, JA, "よくある"),
    W(EXW_HOWTO, 0, JA, "まとめ"),
    W(EXW_HOWTO, S, RU, "причин"),
    /* the writer's attempt: the trouble in the clause after it is the attempt's */
    W(EXW_ATTEMPT, 0, EN, "tried"),
    W(EXW_ATTEMPT, 0, EN, "trying"),
    W(EXW_ATTEMPT, S, EN, "attempt"),
    W(EXW_ATTEMPT, 0, EN, "want to"),
    W(EXW_ATTEMPT, 0, EN, "wanted to"),
    W(EXW_ATTEMPT, S, DE, "versuch"),
    W(EXW_ATTEMPT, 0, FR, "essayé"),
    W(EXW_ATTEMPT, 0, FR, "tenté"),
    W(EXW_ATTEMPT, S, ES, "intent"),
    W(EXW_ATTEMPT, 0, IT, "provato"),
    W(EXW_ATTEMPT, 0, IT, "tentato"),
    W(EXW_ATTEMPT, 0, PT, "tentei"),
    W(EXW_ATTEMPT, 0, PT, "tentando"),
    W(EXW_ATTEMPT, S, RU, "пыта"),
    W(EXW_ATTEMPT, S, RU, "пробова"),
    W(EXW_ATTEMPT, S, PL, "próbowa"),
    W(EXW_ATTEMPT, 0, NL, "geprobeerd"),
    W(EXW_ATTEMPT, 0, ZH, "试了"),
    W(EXW_ATTEMPT, 0, ZH, "试过"),
    W(EXW_ATTEMPT, 0, ZH, "尝试"),
    W(EXW_ATTEMPT, 0, ZH, "嘗試"),
    W(EXW_ATTEMPT, 0, JA, "しようと"),
    W(EXW_ATTEMPT, 0, KO, "하려고"),

    /* --- the reach of the guards (prose_read.c) --- */
    /* words that join two parts of a clause: a modal or a "when" word reaches no further
     * ("Windows failed to activate and I should try again later": the modal is the retry's).
     * Not Czech "a" nor Polish "i", words of other languages' tables */
    W(EXW_AND, 0, EN, "and"),
    W(EXW_AND, 0, DE, "und"),
    W(EXW_AND, 0, FR, "et"),
    W(EXW_AND, 0, ES, "y"),
    W(EXW_AND, 0, ES | IT | PT, "e"),
    W(EXW_AND, 0, IT, "ed"),
    W(EXW_AND, 0, RU, "и"),
    W(EXW_AND, 0, PL, "oraz"),
    W(EXW_AND, 0, NL, "en"),
    W(EXW_AND, 0, HU, "és"),
    W(EXW_AND, 0, ID, "dan"),
    W(EXW_AND, 0, VI, "và"),
    W(EXW_AND, 0, TR, "ve"),
    W(EXW_AND, 0, RO, "și"),
    W(EXW_AND, 0, NO, "och"),
    W(EXW_AND, 0, NO, "og"),
    W(EXW_AND, 0, ZH, "和"),
    W(EXW_AND, 0, ZH, "并且"),
    W(EXW_AND, 0, ZH, "並且"),
    W(EXW_AND, 0, ZH, "而且"),
    W(EXW_AND, 0, JA, "そして"),
    W(EXW_AND, 0, KO, "그리고"),
    /* "no failure" tells none, and turns no other outcome round ("failed with no error
     * shown"): words passed over as fillers are (a wrapped sentence read whole: "Turning off a
     * license server entirely / shows no failure in Nagios", neg-en-monitoringplugins-687) */
    W(EXW_FILLER, 0, EN, "no failure"),
    W(EXW_FILLER, 0, EN, "no failures"),
    W(EXW_FILLER, 0, EN, "no error"),
    W(EXW_FILLER, 0, EN, "no errors"),
    /* the writer's own machine: "after the deployment, I'm always unable to activate windows"
     * is a report though "Troubleshoot" stands in another clause of the sentence */
    W(EXW_PERSON, 0, EN, "i"),
    W(EXW_PERSON, 0, EN, "i'm"),
    W(EXW_PERSON, 0, EN, "im"), /* "Im having issues activating office", as typed */
    W(EXW_PERSON, 0, EN, "i've"),
    W(EXW_PERSON, 0, EN, "me"),
    W(EXW_PERSON, 0, EN | NL, "we"),
    W(EXW_PERSON, 0, EN, "we've"), /* not "we're": without its apostrophe it is "were" */
    W(EXW_PERSON, 0, DE, "ich"),
    W(EXW_PERSON, S, DE, "mein"),
    W(EXW_PERSON, 0, DE, "mir"),
    W(EXW_PERSON, 0, DE, "mich"),
    W(EXW_PERSON, 0, DE, "wir"),
    W(EXW_PERSON, S, DE, "unser"),
    W(EXW_PERSON, 0, FR, "je"),
    W(EXW_PERSON, 0, FR, "j'"),
    W(EXW_PERSON, 0, FR, "mon"),
    W(EXW_PERSON, 0, FR, "ma"),
    W(EXW_PERSON, 0, FR, "mes"),
    W(EXW_PERSON, 0, FR, "nous"),
    W(EXW_PERSON, 0, FR, "notre"),
    W(EXW_PERSON, 0, ES, "yo"),
    W(EXW_PERSON, 0, ES | IT | CS, "mi"),
    W(EXW_PERSON, 0, ES, "mis"),
    W(EXW_PERSON, S, ES, "nuestr"),
    W(EXW_PERSON, 0, IT, "io"),
    W(EXW_PERSON, 0, IT, "mio"),
    W(EXW_PERSON, 0, IT, "mia"),
    W(EXW_PERSON, S, IT, "nostr"),
    W(EXW_PERSON, 0, PT | RO, "eu"),
    W(EXW_PERSON, 0, PT | RO, "meu"),
    W(EXW_PERSON, 0, PT, "minha"),
    W(EXW_PERSON, S, PT, "noss"),
    W(EXW_PERSON, 0, RU, "я"),
    W(EXW_PERSON, 0, RU, "мой"),
    W(EXW_PERSON, 0, RU, "моя"),
    W(EXW_PERSON, 0, RU, "мне"),
    W(EXW_PERSON, 0, RU, "меня"),
    W(EXW_PERSON, 0, RU, "мы"),
    W(EXW_PERSON, 0, RU, "мій"), /* uk */
    W(EXW_PERSON, 0, PL, "ja"),
    W(EXW_PERSON, 0, PL, "mój"),
    W(EXW_PERSON, 0, PL, "moja"),
    W(EXW_PERSON, 0, PL, "mnie"),
    W(EXW_PERSON, 0, NL, "ik"),
    W(EXW_PERSON, 0, NL, "mijn"),
    W(EXW_PERSON, 0, NL, "wij"),
    W(EXW_PERSON, 0, ZH, "我"),
    W(EXW_PERSON, 0, JA, "私"),
    W(EXW_PERSON, 0, JA, "僕"),
    W(EXW_PERSON, 0, HU, "nálam"),
    W(EXW_PERSON, 0, HU, "nekem"),
    W(EXW_PERSON, 0, ID, "saya"),
    W(EXW_PERSON, 0, ID, "aku"),
    W(EXW_PERSON, 0, CS, "já"),
    W(EXW_PERSON, 0, CS, "můj"),
    W(EXW_PERSON, 0, VI, "tôi"),
    W(EXW_PERSON, 0, TR, "benim"),
    W(EXW_PERSON, 0, NO, "jeg"),
    W(EXW_PERSON, 0, NO, "jag"),
    /* --- fix18: Office's and Windows' activation told in a ticket's or a post's words --- */
    /* nagging is asking again and again: "constantly being nagged by Office to activate your
     * product" (en-blog-brianary-office-2007-activation), "keeps nagging me to activate" */
    W(EXW_ASKS, 0, EN, "nagging me"),
    W(EXW_ASKS, 0, EN, "nags me"),
    W(EXW_ASKS, 0, EN, "nagged me"),
    W(EXW_ASKS, 0, EN, "nagging to"),
    W(EXW_ASKS, 0, EN, "nags to"),
    W(EXW_ASKS, 0, EN, "nagging for"),
    /* a request told in the passive names its asker between it and what it asks for: the
     * rows hold the two askers */
    W(EXW_ASKS, 0, EN, "nagged by office to"),
    W(EXW_ASKS, 0, EN, "nagged by windows to"),
    W(EXW_ASKS, 0, EN, "prompted by office to"),
    W(EXW_ASKS, 0, EN, "prompted by windows to"),
    W(EXW_ASKS, 0, EN, "asked by office to"),
    W(EXW_ASKS, 0, EN, "asked by windows to"),
    /* having no key is no failure told: Windows Setup's button "I don't have a product key",
     * chosen to activate later (neg-en-explainer-taourl-not-genuine) */
    W(EXW_FILLER, 0, EN, "don't have"),
    W(EXW_FILLER, 0, EN, "do not have"),
    /* the perfect tells the state it left: "everything has been activated in Windows"
     * (en-ticket-dockerkmsgui-11-notify), "Windows has been activated" */
    W(EXW_SUCCEEDED, X, EN, "has been activated"),
    W(EXW_SUCCEEDED, X, EN, "have been activated"),
    /* the state a tool or Settings shows, told as what it shows: "Product was showing
     * activated everywhere else" (en-ticket-mas-222-insider-evaluation-copy) */
    W(EXW_SUCCEEDED, X, EN, "shows activated"),
    W(EXW_SUCCEEDED, X, EN, "showing activated"),
    W(EXW_SUCCEEDED, X, EN, "shows as activated"),
    W(EXW_SUCCEEDED, X, EN, "showing as activated"),
    /* Windows that requires its activation again: "you are now required to reactivate this
     * copy of Windows" (en-letter-infopackets-xp-reactivate-exceeded, XP's message after a
     * hardware change) */
    W(EXW_ASKS, 0, EN, "required to"),
    /* a quantity is no how-to: "it wouldn't 'activate', because MS keeps track of how many
     * computers you've installed their software on" (en-blog-markrkelly-office-2007-wont-
     * activate) */
    W(EXW_FILLER, 0, EN, "how many"),
    W(EXW_FILLER, 0, EN, "how much"),
    /* the licence agreement is a document, what it says or no longer says no machine's state:
     * "That 'reassignment' clause is gone from Office 2013's license agreement"
     * (neg-en-column-montgomery-office-2013-license) */
    W(EXW_THING, 0, EN, "license agreement"),
    W(EXW_THING, 0, EN, "licence agreement"),
    W(EXW_THING, 0, EN, "license terms"),
    W(EXW_THING, 0, EN, "licence terms"),
    /* what a message usually does is a guide's general remark, no machine's: "The warning
     * typically appears as a persistent desktop watermark"
     * (neg-en-explainer-taourl-not-genuine) */
    W(EXW_MODAL, 0, EN, "typically"),
    W(EXW_MODAL, 0, EN, "usually"),
    W(EXW_MODAL, 0, EN, "generally"),
    W(EXW_MODAL, 0, EN, "normally"),
    W(EXW_MODAL, 0, EN, "commonly"),
    /* --- the texts Windows and Office show about activation: their outcome rows --- */
#define UI_SUBJECT(kind, flags, langs, text)
#define UI_WORD(kind, flags, langs, text) W(kind, flags, langs, text),
#include "prose_uitext.def"
#undef UI_SUBJECT
#undef UI_WORD
};

#define NWORDS (sizeof words / sizeof words[0])

const struct ex_prose_word *ex_prose_words(size_t *count)
{
    *count = NWORDS;
    return words;
}

size_t ex_prose_fold(const unsigned char *p, size_t n, unsigned char out[2])
{
    unsigned char c = p[0];
    if (c < 0x80) {
        out[0] = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
        return 1;
    }
    if (n < 2 || c < 0xC3 || c > 0xD1 || (p[1] & 0xC0) != 0x80)
        return 0;
    unsigned cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x410 && cp <= 0x42F))
        cp += 0x20; /* À-Þ, А-Я */
    else if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
        cp |= 1u; /* even upper, odd lower */
    else if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && (cp & 1u))
        cp++; /* odd upper, even lower: Ł ł, Ż ż */
    else if (cp >= 0x400 && cp <= 0x40F)
        cp += 0x50;
    out[0] = (unsigned char)(0xC0 | (cp >> 6));
    out[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
}

/* Whether the character before `at` is a letter of a word (ASCII letter or digit, a two-byte
 * letter); CJK characters and punctuation are none: a CJK word needs no blank around it. */
static bool letter_before(const unsigned char *t, size_t at)
{
    if (at == 0)
        return false;
    unsigned char b = t[at - 1];
    if (b < 0x80)
        return ex_word_byte(b);
    return (b & 0xC0) == 0x80 && at >= 2 && t[at - 2] >= 0xC3 && t[at - 2] <= 0xDF;
}

static bool letter_at(const unsigned char *t, size_t len, size_t at)
{
    if (at >= len)
        return false;
    return t[at] < 0x80 ? ex_word_byte(t[at]) : t[at] >= 0xC3 && t[at] <= 0xDF;
}

/* Whether the word's last character is CJK (three bytes or more): it needs no end boundary. */
static bool ends_cjk(const struct ex_prose_word *w)
{
    size_t k = w->len - 1;
    while (k > 0 && ((unsigned char)w->text[k] & 0xC0) == 0x80)
        k--;
    return (unsigned char)w->text[k] >= 0xE0;
}

/* The bytes of text from `at` the word takes (0: it does not stand there). A blank in the word
 * takes a run of blanks; an apostrophe takes ', ’ or nothing ("doesnt"); '#' a number. */
static size_t match(const unsigned char *t, size_t len, size_t at, const struct ex_prose_word *w)
{
    const unsigned char *s = (const unsigned char *)w->text;
    size_t i = 0, j = at;
    while (i < w->len) {
        if (s[i] == '\'') {
            i++;
            if (j < len && t[j] == '\'')
                j++;
            else if (j + 2 < len && t[j] == 0xE2 && t[j + 1] == 0x80 && t[j + 2] == 0x99)
                j += 3;
            else if (i == w->len || i == 1)
                return 0; /* an elision's apostrophe, a quote's mark, is written: "l'" is no "l" */
            continue;
        }
        if (j >= len)
            return 0;
        if (s[i] == '#') { /* a number: "in 30 days" */
            if (t[j] < '0' || t[j] > '9')
                return 0;
            while (j < len && t[j] >= '0' && t[j] <= '9')
                j++;
            i++;
            continue;
        }
        if (s[i] == ' ') {
            if (t[j] != ' ' && t[j] != '\t')
                return 0;
            while (j < len && (t[j] == ' ' || t[j] == '\t'))
                j++;
            i++;
            continue;
        }
        unsigned char f[2];
        size_t fl = ex_prose_fold(t + j, len - j, f);
        if (fl == 0)
            fl = 1, f[0] = t[j];
        if (i + fl > w->len || f[0] != s[i] || (fl == 2 && f[1] != s[i + 1]))
            return 0;
        i += fl;
        j += fl;
    }
    if (w->flags & EXW_STEM) {
        while (letter_at(t, len, j)) /* the rest of the word: "activation" is one word */
            j += t[j] < 0x80 ? 1 : 2;
        return j > len ? len - at : j - at;
    }
    /* an elision ends its word at the apostrophe ("l'activation") */
    if (!ends_cjk(w) && w->text[w->len - 1] != '\'' && letter_at(t, len, j))
        return 0;
    return j - at;
}

bool ex_prose_word_start(const char *text, size_t len, size_t at)
{
    const unsigned char *t = (const unsigned char *)text;
    if (at >= len || (t[at] & 0xC0) == 0x80)
        return false;
    return t[at] >= 0xE0 || !letter_before(t, at);
}

/* The ASCII letters subject and product words start with (a test keeps it equal to the
 * table's): the first pass over a line rules most words out by their first letter. */
#define SUBJECT_LETTERS "acdefgijklmnopqrstuwz"

unsigned long ex_prose_subject_letters(void)
{
    unsigned long mask = 0;
    for (const char *c = SUBJECT_LETTERS; *c; c++)
        mask |= 1ul << (*c - 'a');
    return mask;
}

/* The second byte of the text at `at` as a word's text holds it: the second byte of its first
 * character folded (flen 2, f), of its second character folded after an ASCII letter, or the
 * byte as it is (0 past the end). */
static unsigned char second_byte(const unsigned char *t, size_t len, size_t at, size_t flen,
                                 const unsigned char f[2])
{
    if (flen == 2)
        return f[1];
    if (at + 1 >= len)
        return 0;
    unsigned char g[2];
    if (flen == 1 && ex_prose_fold(t + at + 1, len - at - 1, g))
        return g[0];
    return t[at + 1];
}

/* The words by first byte, each byte's words in table order: every word start of every line is
 * looked up, and comparing it with each of the table's words in turn cost most of explain's
 * time on prose. Beside each, its second byte (0 where a blank, an apostrophe or the word's end
 * stands there: those match more than one byte), so most words are passed over without being
 * read; and per byte, where its subject and product words end (the first pass's stop). The
 * index is data of the build (words_index.h, written by gen_words_index.c from the table above
 * and kept equal to it by test-explain-indexes): adding a word needs nothing more. */
_Static_assert(NWORDS < UINT16_MAX, "word indexes fit 16 bits");
#ifdef EX_INDEX_GENERATOR
static uint16_t word_first_start[257], word_first_order[NWORDS], word_subjects_end[256];
static unsigned char word_first_second[NWORDS + 15]; /* read 16 at a time: 15 more, 0 */

/* A word that ends the first pass: no subject or product word, nor one that stands for one. */
static bool ends_subjects(const struct ex_prose_word *w)
{
    return w->kind > EXW_PRODUCT && !(w->flags & (EXW_SELF | EXW_OF_PRODUCT));
}

static unsigned char second_key(const struct ex_prose_word *w)
{
    unsigned char w2 = (unsigned char)w->text[1];
    return w->len > 1 && w2 != ' ' && w2 != '\'' ? w2 : 0;
}
#else
#include "words_index.h"
_Static_assert(sizeof word_first_order / sizeof word_first_order[0] == NWORDS,
               "words_index.h is this table's");
#endif

const struct ex_prose_word *ex_prose_word_at(const char *text, size_t len, size_t at,
                                             bool subjects_only, size_t *tlen)
{
    const unsigned char *t = (const unsigned char *)text;
    *tlen = 0;
    if (!ex_prose_word_start(text, len, at))
        return NULL;
    unsigned char f[2];
    size_t flen = ex_prose_fold(t + at, len - at, f);
    unsigned char first = flen ? f[0] : t[at];
    unsigned char second = second_byte(t, len, at, flen, f);
    if (subjects_only && first < 0x80 &&
        (first < 'a' || first > 'z' || !strchr(SUBJECT_LETTERS, first)))
        return NULL;
    const struct ex_prose_word *best = NULL;
    size_t best_len = 0;
    size_t from = word_first_start[first];
    size_t end = subjects_only ? word_subjects_end[first] : word_first_start[first + 1];
    /* 16 words at a time: those whose second byte is the text's, or matches any (0) */
    for (size_t base = from; base < end; base += 16) {
        unsigned hits = ex_bytes16_either(word_first_second + base, second, 0);
        if (end - base < 16)
            hits &= (1u << (end - base)) - 1;
        for (; hits; hits &= hits - 1) {
            const struct ex_prose_word *w =
                &words[word_first_order[base + (size_t)__builtin_ctz(hits)]];
            size_t n = match(t, len, at, w);
            /* the longest; of two as long, the longer entry ("aktiviert" over "aktivier"),
             * then the whole word over a stem ("activated" over "activat") */
            if (n > best_len ||
                (n > 0 && n == best_len &&
                 (w->len > best->len || (w->len == best->len && (best->flags & EXW_STEM) &&
                                         !(w->flags & EXW_STEM))))) {
                best = w;
                best_len = n;
            }
        }
    }
    *tlen = best_len;
    return best;
}

/* Whether p holds a Hangul syllable (U+AC00-U+D7A3). */
static bool hangul(const unsigned char *p, size_t n)
{
    if (n < 3 || p[0] < 0xEA || p[0] > 0xED || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return false;
    unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

size_t ex_prose_skip(const char *text, size_t len, size_t at, bool *counts)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = at;
    if (letter_at(t, len, i)) {
        while (letter_at(t, len, i))
            i += t[i] < 0x80 ? 1 : 2;
        *counts = true;
        return (i > len ? len : i) - at;
    }
    unsigned char c = t[i];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (at + n > len)
        n = len - at;
    /* CJK letters: kana and on (U+3041...), Han, Hangul; not CJK punctuation (U+3000-303F).
     * Korean writes blanks between its words: a Hangul syllable after another is the same word
     * ("인증에": a particle, no word between 인증 and what follows) */
    *counts = n >= 3 && (c >= 0xE4 || (c == 0xE3 && t[i + 1] >= 0x81)) &&
              !(hangul(t + i, len - i) && at >= 3 && hangul(t + at - 3, 3));
    if (c >= 0xEE && c <= 0xEF)
        *counts = false; /* private use, compatibility forms, full-width punctuation */
    return n;
}

const struct ex_prose_word *ex_prose_next(const char *text, size_t len, size_t *at)
{
    size_t n = 0;
    const struct ex_prose_word *w =
        ex_prose_word_start(text, len, *at) ? ex_prose_word_at(text, len, *at, false, &n) : NULL;
    bool counts;
    *at += w ? n : ex_prose_skip(text, len, *at, &counts);
    return w;
}

/* Whether a line tells the writer's own attempt (tried, 试了): an activation they tried is the
 * one pasted to us, though the ticket names no product ("试了好多遍都没法激活，求助" in an
 * activator's tracker, zh-ticket-cmwtat-79-win11-cannot-activate). Read only for a line with
 * a subject and no product word. */
static bool writer_attempts(const char *text, size_t len)
{
    for (size_t at = 0; at < len;) {
        const struct ex_prose_word *w = ex_prose_next(text, len, &at);
        if (w && w->kind == EXW_ATTEMPT)
            return true;
    }
    return false;
}

unsigned ex_prose_scan(const char *text, size_t len)
{
    unsigned found = 0;
    bool refers = false;
    for (size_t at = 0; at < len;) {
        size_t n = 0;
        const struct ex_prose_word *w = ex_prose_word_at(text, len, at, true, &n);
        if (w) {
            bool names = w->kind == EXW_PRODUCT || (w->flags & EXW_NAMES);
            if (w->kind == EXW_REFER || w->kind == EXW_PRONOUN || (w->flags & EXW_OF_PRODUCT))
                refers = true; /* a subject only beside a subject or product word */
            else if (w->kind != EXW_PRODUCT)
                found |= EX_PROSE_SUBJECT;
            if (names || (w->kind != EXW_REFER && w->kind != EXW_PRONOUN && !(w->flags & EXW_WEAK)))
                found |= EX_PROSE_STRONG;
            if (names)
                found |= EX_PROSE_NAMED;
            at += n;
            continue;
        }
        bool counts;
        at += ex_prose_skip(text, len, at, &counts);
    }
    if (refers && (found & (EX_PROSE_SUBJECT | EX_PROSE_NAMED)))
        found |= EX_PROSE_SUBJECT;
    if (refers)
        found |= EX_PROSE_REFERS;
    if ((found & (EX_PROSE_SUBJECT | EX_PROSE_NAMED)) == EX_PROSE_SUBJECT &&
        writer_attempts(text, len))
        found |= EX_PROSE_NAMED | EX_PROSE_STRONG;
    return found;
}
