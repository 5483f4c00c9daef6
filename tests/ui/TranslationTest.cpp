// The German catalogue (compiled from translations/modelguard_de.ts into a resource) loads and translates the UI.

#include "client/FleetStore.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"

#include <QCoreApplication>
#include <QListWidget>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace modelguard;

TEST(Translation, GermanCatalogueLoadsAndTranslates)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/modelguard_de.qm")));
    EXPECT_EQ(translator.language(), QStringLiteral("de_DE"));
    EXPECT_EQ(translator.translate("modelguard::ui::MainWindow", "Overview"), QStringLiteral("Übersicht"));
    EXPECT_EQ(translator.translate("modelguard::ui::ClientTableModel", "Client"), QStringLiteral("Client"));

    ASSERT_TRUE(QCoreApplication::installTranslator(&translator));
    {
        client::FleetStore store;
        ui::MainWindow window(nullptr, &store);
        auto* nav = window.findChild<QListWidget*>(QStringLiteral("sectionNav"));
        ASSERT_NE(nav, nullptr);
        EXPECT_EQ(nav->item(0)->text(), QStringLiteral("Übersicht"));
        EXPECT_EQ(nav->item(1)->text(), QStringLiteral("Clients"));
    }
    QCoreApplication::removeTranslator(&translator);
}

TEST(Translation, LanguageChoice)
{
    EXPECT_EQ(ui::chooseLanguage(QStringLiteral("de"), {QStringLiteral("en-US")}), QStringLiteral("de"));
    EXPECT_EQ(ui::chooseLanguage(QString(), {QStringLiteral("de-AT"), QStringLiteral("en")}), QStringLiteral("de"));
    EXPECT_EQ(ui::chooseLanguage(QString(), {QStringLiteral("fr-FR")}), QStringLiteral("en"));
    EXPECT_EQ(ui::chooseLanguage(QStringLiteral("xx"), {QStringLiteral("en-GB")}), QStringLiteral("en"));
}
