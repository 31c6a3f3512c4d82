// The scrutiny bot on Azure Container Apps, with its secrets in an existing Key Vault and an
// Azure Bot resource whose Teams channel points at the app. See README.md beside this file for
// the steps before and after (the database, the Key Vault secrets, the Teams app package).
//
// Not compiled here: no bicep binary can be had on the development machines. Run
// `az bicep build --file infra/azure/main.bicep` and `az deployment group what-if` first.
//
// Deploy into a resource group that already holds the Key Vault (RBAC permission model):
//   az deployment group create -g <group> -f infra/azure/main.bicep \
//     -p image=<registry>/scrutiny-bot:<tag> keyVaultName=<vault> registryServer=<registry>

targetScope = 'resourceGroup'

@description('Prefix for every resource name.')
@minLength(3)
@maxLength(20)
param name string = 'scrutiny-bot'

@description('Region for the Container Apps environment and the app. The bot resource is global.')
param location string = resourceGroup().location

@description('The image built from infra/Dockerfile, e.g. myregistry.azurecr.io/scrutiny-bot:0.1.0.')
param image string

@description('Azure Container Registry login server to pull from with the app\'s identity; empty for a public registry.')
param registryServer string = ''

@description('Existing Key Vault (in this resource group, Azure RBAC permission model) holding the secrets.')
param keyVaultName string

@description('Environment variable name to Key Vault secret name. MONGODB_URI is required; add MICROSOFT_APP_PASSWORD for SingleTenant, the SLACK_* secrets, FILE_LINK_SECRET, METRICS_TOKEN as you use them.')
param secretEnv object = {
  MONGODB_URI: 'mongodb-uri'
  FILE_LINK_SECRET: 'file-link-secret'
}

@description('Settings that are not secret, as environment variables (the README\'s configuration table).')
param settings object = {
  TIME_ZONE: 'Europe/London'
  LOG_LEVEL: 'info'
}

@description('UserAssignedMSI: the bot authenticates to Bot Framework as the app\'s managed identity, so no app password exists. SingleTenant: an Entra app registration with a client secret in Key Vault.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param microsoftAppType string = 'UserAssignedMSI'

@description('Entra app registration (client) id, for SingleTenant only.')
param microsoftAppId string = ''

@description('Bot resource pricing tier. Teams is a standard channel: free on F0 too.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@minValue(1)
param minReplicas int = 1

@minValue(1)
param maxReplicas int = 3

var roleKeyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var roleAcrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
var appId = microsoftAppType == 'UserAssignedMSI' ? identity.properties.clientId : microsoftAppId

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

// The app resolves its Key Vault references with this identity.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, roleKeyVaultSecretsUser)
  scope: keyVault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleKeyVaultSecretsUser)
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(registryServer)) {
  name: split(registryServer, '.')[0]
}

resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryServer)) {
  name: guid(resourceGroup().id, registryServer, identity.id, roleAcrPull)
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleAcrPull)
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'auto'
        allowInsecure: false
      }
      registries: empty(registryServer)
        ? []
        : [
            {
              server: registryServer
              identity: identity.id
            }
          ]
      // Container Apps secret names allow lower-case letters, digits and hyphens only.
      secrets: [
        for entry in items(secretEnv): {
          name: toLower(replace(entry.key, '_', '-'))
          keyVaultUrl: '${keyVault.properties.vaultUri}secrets/${entry.value}'
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(
            [
              {
                name: 'HOST'
                value: '0.0.0.0'
              }
              {
                name: 'PORT'
                value: '3978'
              }
              {
                name: 'MICROSOFT_APP_ID'
                value: appId
              }
              {
                name: 'MICROSOFT_APP_TENANT_ID'
                value: tenant().tenantId
              }
              {
                name: 'MICROSOFT_APP_TYPE'
                value: microsoftAppType
              }
            ],
            [
              for entry in items(settings): {
                name: entry.key
                value: string(entry.value)
              }
            ],
            [
              for entry in items(secretEnv): {
                name: entry.key
                secretRef: toLower(replace(entry.key, '_', '-'))
              }
            ]
          )
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: 3978
              }
              periodSeconds: 5
              failureThreshold: 24
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: 3978
              }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 3978
              }
              periodSeconds: 20
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
  dependsOn: [
    secretsUser
    acrPull
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: name
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: appId
    msaAppTenantId: tenant().tenantId
    msaAppType: microsoftAppType
    msaAppMSIResourceId: microsoftAppType == 'UserAssignedMSI' ? identity.id : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Register this as the Teams app\'s bot endpoint and the Slack app\'s request URLs (/api/slack/...).')
output messagingEndpoint string = 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
output appFqdn string = app.properties.configuration.ingress.fqdn
output botAppId string = appId
